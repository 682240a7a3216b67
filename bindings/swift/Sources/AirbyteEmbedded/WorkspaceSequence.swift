// Hand-written: Swift's iteration idiom over the generated `WorkspacePages` walk.
//
//     let all = try operator.workspaces().all()      // WorkspaceSequence
//     for workspace in all { print(workspace.name ?? "?") }
//     if let error = all.error { throw error }       // the walk stopped on an error
//
//     let names = try operator.workspaces().all().collect().map(\.name)   // or: rethrows
//
// Pages are fetched lazily, one `WorkspacePages.nextPage()` call at a time, as the iteration
// reaches them. `Sequence` cannot throw, so an error ends the iteration and is kept in `error`;
// `collect()` and `forEachPage(_:)` throw it instead. Both sequences are single-pass: they
// consume the walk they wrap (as the walk itself does).

import Foundation

/// The pages of a workspace walk, as a single-pass `Sequence` of `[Workspace]`.
public final class WorkspacePageSequence: Sequence, IteratorProtocol {
    private let pages: WorkspacePages
    private let lock = NSLock()
    private var finished = false
    /// The error that ended the walk early, if any (`nil` while iterating and after a
    /// complete walk).
    public private(set) var error: Error?
    /// How many pages have been fetched so far.
    public private(set) var pagesRead = 0

    /// Wraps a walk from `Workspaces.pages(filter:)`.
    public init(_ pages: WorkspacePages) {
        self.pages = pages
    }

    /// The next page, or `nil` after the last page or an error (see `error`).
    public func next() -> [Workspace]? {
        do {
            return try nextPage()
        } catch {
            return nil
        }
    }

    /// The next page, or `nil` after the last page; throws the error that stops the walk
    /// (once: later calls return `nil`).
    public func nextPage() throws -> [Workspace]? {
        lock.lock()
        defer { lock.unlock() }
        if finished { return nil }
        do {
            guard let page = try pages.nextPage() else {
                finished = true
                return nil
            }
            pagesRead += 1
            return page
        } catch {
            finished = true
            self.error = error
            throw error
        }
    }

    /// Calls `body` with each remaining page; rethrows the walk's error or `body`'s.
    public func forEachPage(_ body: ([Workspace]) throws -> Void) throws {
        while let page = try nextPage() {
            try body(page)
        }
    }
}

/// Every workspace of a walk, as a single-pass `Sequence` of `Workspace`, fetched page by page.
public final class WorkspaceSequence: Sequence, IteratorProtocol {
    /// The page-level view of the same walk (shares its progress).
    public let pageSequence: WorkspacePageSequence
    private var buffer: [Workspace] = []
    private var index = 0

    /// Wraps a walk from `Workspaces.pages(filter:)`.
    public init(_ pages: WorkspacePages) {
        self.pageSequence = WorkspacePageSequence(pages)
    }

    /// The error that ended the walk early, if any.
    public var error: Error? { pageSequence.error }
    /// How many pages have been fetched so far.
    public var pagesRead: Int { pageSequence.pagesRead }

    /// The next workspace, or `nil` after the last one or an error (see `error`).
    public func next() -> Workspace? {
        try? nextWorkspace()
    }

    /// The next workspace, or `nil` after the last one; throws the error that stops the walk.
    public func nextWorkspace() throws -> Workspace? {
        while index >= buffer.count {
            guard let page = try pageSequence.nextPage() else { return nil }
            buffer = page
            index = 0
        }
        defer { index += 1 }
        return buffer[index]
    }

    /// Every remaining workspace; throws the error that stops the walk.
    public func collect() throws -> [Workspace] {
        var all: [Workspace] = []
        while let workspace = try nextWorkspace() {
            all.append(workspace)
        }
        return all
    }
}

extension WorkspacePages {
    /// This walk as a `Sequence` of workspaces.
    public func workspaceSequence() -> WorkspaceSequence {
        WorkspaceSequence(self)
    }

    /// This walk as a `Sequence` of pages.
    public func pageSequence() -> WorkspacePageSequence {
        WorkspacePageSequence(self)
    }
}

extension Workspaces {
    /// Every workspace matching `filter` (default: all), as a lazily paged `Sequence`.
    public func all(filter: WorkspaceFilter? = nil) -> WorkspaceSequence {
        WorkspaceSequence(pages(filter: filter))
    }

    /// The pages of workspaces matching `filter` (default: all), as a lazy `Sequence`.
    public func allPages(filter: WorkspaceFilter? = nil) -> WorkspacePageSequence {
        WorkspacePageSequence(pages(filter: filter))
    }
}
