// Hand-written: Swift's async iteration idiom over the generated async page walks
// (`AsyncWorkspacePages`, `AsyncDestinationPages`, `AsyncFilePages`).
//
//     let op = try AsyncOperatorClient(clientId: id, clientSecret: secret)
//     for try await workspace in op.workspaces().all() {
//         print(workspace.name ?? "?")
//     }
//
// Each page is awaited (`try await nextPage()`) when the iteration reaches it; an error ends
// the loop by throwing. Cancelling the Task that iterates cancels the page being fetched (the
// loop throws `CancellationError`). Single-pass: the sequence consumes the walk it wraps.

import Foundation

/// Every item of an async page walk, as a single-pass `AsyncSequence`, each page awaited as the
/// iteration reaches it.
public struct AsyncItemSequence<Item>: AsyncSequence {
    public typealias Element = Item

    private let nextPage: () async throws -> [Item]?

    /// Wraps a walk's `nextPage()`: awaited once per page until it returns `nil` or throws.
    public init(nextPage: @escaping () async throws -> [Item]?) {
        self.nextPage = nextPage
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(nextPage: nextPage)
    }

    /// Awaits the next page when the current one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let nextPage: () async throws -> [Item]?
        private var buffer: [Item] = []
        private var index = 0
        private var finished = false

        init(nextPage: @escaping () async throws -> [Item]?) {
            self.nextPage = nextPage
        }

        /// The next item, or `nil` after the last one; throws the error that stops the walk
        /// (once: later calls return `nil`).
        public mutating func next() async throws -> Item? {
            while index >= buffer.count {
                if finished { return nil }
                let page: [Item]?
                do {
                    page = try await nextPage()
                } catch {
                    finished = true
                    throw error
                }
                guard let page else {
                    finished = true
                    return nil
                }
                buffer = page
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// Every remaining item; throws the error that stops the walk.
    public func collect() async throws -> [Item] {
        var all: [Item] = []
        for try await item in self {
            all.append(item)
        }
        return all
    }
}

/// Every workspace of an async walk.
public typealias AsyncWorkspaceSequence = AsyncItemSequence<Workspace>
/// Every destination of an async walk.
public typealias AsyncDestinationSequence = AsyncItemSequence<DestinationSummary>
/// Every entry of an async folder walk.
public typealias AsyncFileEntrySequence = AsyncItemSequence<FileEntry>

extension AsyncWorkspacePages {
    /// This walk as an `AsyncSequence` of workspaces.
    public func workspaceSequence() -> AsyncWorkspaceSequence {
        AsyncItemSequence(nextPage: nextPage)
    }
}

extension AsyncWorkspaces {
    /// Every workspace matching `filter` (default: all), as an `AsyncSequence`:
    /// `GET /workspaces`, following `next` links on the configured host only.
    public func all(filter: WorkspaceFilter? = nil) -> AsyncWorkspaceSequence {
        pages(filter: filter).workspaceSequence()
    }
}

extension AsyncDestinationPages {
    /// This walk as an `AsyncSequence` of destinations.
    public func destinationSequence() -> AsyncDestinationSequence {
        AsyncItemSequence(nextPage: nextPage)
    }
}

extension AsyncDestinations {
    /// Every destination of the filter's workspace, as an `AsyncSequence`.
    public func all(filter: DestinationFilter) -> AsyncDestinationSequence {
        pages(filter: filter).destinationSequence()
    }
}

extension AsyncFilePages {
    /// This walk as an `AsyncSequence` of folder entries.
    public func entrySequence() -> AsyncFileEntrySequence {
        AsyncItemSequence(nextPage: nextPage)
    }
}

extension AsyncFiles {
    /// Every entry of `folder`, as an `AsyncSequence`, page by page.
    public func all(folder: FolderQuery) -> AsyncFileEntrySequence {
        pages(folder: folder).entrySequence()
    }
}
