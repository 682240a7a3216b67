// Hand-written: Swift's idioms over the generated file API: a file's content as a `Sequence`
// of `Data` chunks, and a folder walk as a `Sequence` of entries.
//
//     let chunks = try operator.files().chunks(sourceId: id, path: "exports/large export.bin")
//     for chunk in chunks { handle.write(chunk) }      // one chunk (at most 64 KiB) at a time
//     if let error = chunks.error { throw error }     // the read stopped on an error
//
//     let entries = try operator.files().all(folder: FolderQuery(sourceId: id, path: "reports")).collect()
//
// The content is read from the service as the iteration asks for it, never held whole.
// `Sequence` cannot throw, so an error ends the iteration and is kept in `error`; `nextChunk()`
// and `collect()` throw it instead. Single-pass: the sequence consumes the stream it wraps.

import Foundation

/// A file's content as a single-pass `Sequence` of `Data` chunks (each at most `chunkSize`
/// bytes, never empty), read from a `FileStream` as the iteration goes.
public final class FileChunks: Sequence, IteratorProtocol {
    /// The stream read from (`close()` lets go of its connection early).
    public let stream: FileStream
    /// The most bytes one chunk holds.
    public let chunkSize: Int
    private let lock = NSLock()
    private var finished = false
    /// The error that ended the read early, if any (`nil` while reading and after the end).
    public private(set) var error: Error?
    /// How many bytes have been returned so far.
    public private(set) var bytesRead: Int = 0

    /// Wraps `stream`, reading at most `chunkSize` bytes a chunk (64 KiB by default).
    public init(_ stream: FileStream, chunkSize: Int = 64 * 1024) {
        self.stream = stream
        self.chunkSize = Swift.max(chunkSize, 1)
    }

    /// The next chunk, or `nil` at the end of the file or after an error (see `error`).
    public func next() -> Data? {
        try? nextChunk()
    }

    /// The next chunk, or `nil` at the end of the file; throws the error that stops the read
    /// (once: later calls return `nil`). A failure before the first byte is retried by the
    /// SDK; after it the read ends with `AirbyteError.transport` or `.timeout`.
    public func nextChunk() throws -> Data? {
        lock.lock()
        defer { lock.unlock() }
        if finished { return nil }
        do {
            let chunk = try stream.read(maxBytes: Int32(clamping: chunkSize))
            if chunk.isEmpty {
                finished = true
                return nil
            }
            bytesRead += chunk.count
            return chunk
        } catch {
            finished = true
            self.error = error
            throw error
        }
    }

    /// Calls `body` with each remaining chunk; rethrows the read's error or `body`'s.
    public func forEachChunk(_ body: (Data) throws -> Void) throws {
        while let chunk = try nextChunk() {
            try body(chunk)
        }
    }
}

/// The pages of a folder walk.
public typealias FilePageSequence = PageSequence<FileEntry>
/// Every entry of a folder walk.
public typealias FileEntrySequence = ItemSequence<FileEntry>

extension FilePages {
    /// This walk as a `Sequence` of entries.
    public func entrySequence() -> FileEntrySequence {
        ItemSequence(pageSequence())
    }

    /// This walk as a `Sequence` of pages.
    public func pageSequence() -> FilePageSequence {
        PageSequence(nextPage: nextPage)
    }
}

extension FileStream {
    /// This stream as a `Sequence` of `Data` chunks of at most `chunkSize` bytes.
    public func chunks(chunkSize: Int = 64 * 1024) -> FileChunks {
        FileChunks(self, chunkSize: chunkSize)
    }
}

extension Files {
    /// Every entry of `folder`, as a lazily paged `Sequence`.
    public func all(folder: FolderQuery) -> FileEntrySequence {
        pages(folder: folder).entrySequence()
    }

    /// Opens a file and returns its content as a `Sequence` of `Data` chunks:
    /// `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}`.
    public func chunks(
        sourceId: String, path: String, driveId: String? = nil, chunkSize: Int = 64 * 1024
    ) throws -> FileChunks {
        try self.open(sourceId: sourceId, path: path, driveId: driveId).chunks(chunkSize: chunkSize)
    }
}
