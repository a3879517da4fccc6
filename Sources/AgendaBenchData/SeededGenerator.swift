/// SplitMix64: a small, fast, seeded generator, so the same arguments give the same bytes on every
/// machine and every run (`SystemRandomNumberGenerator` cannot be seeded).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    /// One element of a non-empty list.
    mutating func pick<T>(_ list: [T]) -> T {
        list[Int.random(in: 0..<list.count, using: &self)]
    }

    /// `count` distinct elements of `list` (all of it when `count` is larger), in list order.
    mutating func sample<T>(_ list: [T], _ count: Int) -> [T] {
        var indices = Array(list.indices)
        indices.shuffle(using: &self)
        return indices.prefix(count).sorted().map { list[$0] }
    }
}
