// Hand-written: Swift's iteration idiom over the generated page walks (`WorkspacePages`,
// `DestinationPages`).
//
//     let all = try operator.workspaces().all()      // WorkspaceSequence
//     for workspace in all { print(workspace.name ?? "?") }
//     if let error = all.error { throw error }       // the walk stopped on an error
//
//     let names = try operator.workspaces().all().collect().map(\.name)   // or: rethrows
//     let lakes = try operator.destinations().all(filter: DestinationFilter(workspaceId: id)).collect()
//
// Pages are fetched lazily, one `nextPage()` call of the walk at a time, as the iteration
// reaches them. `Sequence` cannot throw, so an error ends the iteration and is kept in `error`;
// `collect()` and `forEachPage(_:)` throw it instead. Both sequences are single-pass: they
// consume the walk they wrap (as the walk itself does).

import Foundation

/// The pages of a walk, as a single-pass `Sequence` of `[Item]`.
public final class PageSequence<Item>: Sequence, IteratorProtocol {
    private let fetch: () throws -> [Item]?
    private let lock = NSLock()
    private var finished = false
    /// The error that ended the walk early, if any (`nil` while iterating and after a
    /// complete walk).
    public private(set) var error: Error?
    /// How many pages have been fetched so far.
    public private(set) var pagesRead = 0

    /// Wraps a walk's `nextPage()`: called once per page until it returns `nil` or throws.
    public init(nextPage: @escaping () throws -> [Item]?) {
        self.fetch = nextPage
    }

    /// The next page, or `nil` after the last page or an error (see `error`).
    public func next() -> [Item]? {
        do {
            return try nextPage()
        } catch {
            return nil
        }
    }

    /// The next page, or `nil` after the last page; throws the error that stops the walk
    /// (once: later calls return `nil`).
    public func nextPage() throws -> [Item]? {
        lock.lock()
        defer { lock.unlock() }
        if finished { return nil }
        do {
            guard let page = try fetch() else {
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
    public func forEachPage(_ body: ([Item]) throws -> Void) throws {
        while let page = try nextPage() {
            try body(page)
        }
    }
}

/// Every item of a walk, as a single-pass `Sequence` of `Item`, fetched page by page.
public final class ItemSequence<Item>: Sequence, IteratorProtocol {
    /// The page-level view of the same walk (shares its progress).
    public let pageSequence: PageSequence<Item>
    private var buffer: [Item] = []
    private var index = 0

    /// Wraps the pages of a walk.
    public init(_ pageSequence: PageSequence<Item>) {
        self.pageSequence = pageSequence
    }

    /// The error that ended the walk early, if any.
    public var error: Error? { pageSequence.error }
    /// How many pages have been fetched so far.
    public var pagesRead: Int { pageSequence.pagesRead }

    /// The next item, or `nil` after the last one or an error (see `error`).
    public func next() -> Item? {
        try? nextItem()
    }

    /// The next item, or `nil` after the last one; throws the error that stops the walk.
    public func nextItem() throws -> Item? {
        while index >= buffer.count {
            guard let page = try pageSequence.nextPage() else { return nil }
            buffer = page
            index = 0
        }
        defer { index += 1 }
        return buffer[index]
    }

    /// Every remaining item; throws the error that stops the walk.
    public func collect() throws -> [Item] {
        var all: [Item] = []
        while let item = try nextItem() {
            all.append(item)
        }
        return all
    }
}

/// The pages of a workspace walk.
public typealias WorkspacePageSequence = PageSequence<Workspace>
/// Every workspace of a walk.
public typealias WorkspaceSequence = ItemSequence<Workspace>
/// The pages of a destination walk.
public typealias DestinationPageSequence = PageSequence<DestinationSummary>
/// Every destination of a walk.
public typealias DestinationSequence = ItemSequence<DestinationSummary>

extension ItemSequence where Item == Workspace {
    /// Wraps a walk from `Workspaces.pages(filter:)`.
    public convenience init(_ pages: WorkspacePages) {
        self.init(pages.pageSequence())
    }

    /// The next workspace, or `nil` after the last one; throws the error that stops the walk.
    public func nextWorkspace() throws -> Workspace? {
        try nextItem()
    }
}

extension WorkspacePages {
    /// This walk as a `Sequence` of workspaces.
    public func workspaceSequence() -> WorkspaceSequence {
        ItemSequence(pageSequence())
    }

    /// This walk as a `Sequence` of pages.
    public func pageSequence() -> WorkspacePageSequence {
        PageSequence(nextPage: nextPage)
    }
}

extension Workspaces {
    /// Every workspace matching `filter` (default: all), as a lazily paged `Sequence`.
    public func all(filter: WorkspaceFilter? = nil) -> WorkspaceSequence {
        pages(filter: filter).workspaceSequence()
    }

    /// The pages of workspaces matching `filter` (default: all), as a lazy `Sequence`.
    public func allPages(filter: WorkspaceFilter? = nil) -> WorkspacePageSequence {
        pages(filter: filter).pageSequence()
    }
}

extension DestinationPages {
    /// This walk as a `Sequence` of destinations.
    public func destinationSequence() -> DestinationSequence {
        ItemSequence(pageSequence())
    }

    /// This walk as a `Sequence` of pages.
    public func pageSequence() -> DestinationPageSequence {
        PageSequence(nextPage: nextPage)
    }
}

extension Destinations {
    /// Every destination of the filter's workspace, as a lazily paged `Sequence`.
    public func all(filter: DestinationFilter) -> DestinationSequence {
        pages(filter: filter).destinationSequence()
    }
}
