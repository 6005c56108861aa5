import Dispatch

/// A buffer shared by parallel workers that write disjoint parts of it.
struct SharedBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int

    init(repeating value: T, count: Int) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
        self.count = count
    }

    func free() { base.deallocate() }
    subscript(_ i: Int) -> T {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
    func array() -> [T] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// Runs `chunks` independent jobs on all cores; each job is identified by its index, so results
/// written per chunk and combined in chunk order do not depend on the number of threads.
func forEachChunk(_ chunks: Int, parallel: Bool = true, _ body: @Sendable (Int) -> Void) {
    if chunks <= 1 || !parallel {
        for chunk in 0..<chunks { body(chunk) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
}

/// Reports progress of long computations: (done, total). Called from worker threads.
public typealias ProgressHandler = @Sendable (Int, Int) -> Void
