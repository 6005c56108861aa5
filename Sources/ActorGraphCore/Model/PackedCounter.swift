/// Counts per 64-bit key in an open-addressing table (multiplicative hashing, linear probing):
/// no per-process seed, no per-call hasher set-up, for the millions of keys a large table brings.
struct PackedCounter {
    private var keys: [UInt64] = []
    private var counts: [UInt32] = []  // 0: empty slot
    private var used = 0
    private var shift: UInt64 = 64

    mutating func reserve(_ n: Int) {
        var capacity = 16
        while capacity < 2 * n { capacity <<= 1 }
        if capacity > keys.count { rehash(capacity) }
    }

    /// Adds one to `key`'s count and returns the new count.
    mutating func increment(_ key: UInt64) -> UInt32 {
        if 2 * (used + 1) > keys.count { rehash(max(16, keys.count * 2)) }
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while counts[i] != 0 {
            if keys[i] == key { counts[i] += 1; return counts[i] }
            i = (i + 1) & mask
        }
        keys[i] = key
        counts[i] = 1
        used += 1
        return 1
    }

    private mutating func rehash(_ capacity: Int) {
        let oldKeys = keys, oldCounts = counts
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [UInt32](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        let mask = capacity - 1
        for (k, c) in zip(oldKeys, oldCounts) where c != 0 {
            var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while counts[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            counts[i] = c
        }
    }
}
