/// A sum of planned kronor that remembers whether any part of it was approximate ("ca").
public struct PlannedAmount: Sendable, Equatable {
    public var kronor: Int
    public var approximate: Bool

    public init(kronor: Int = 0, approximate: Bool = false) {
        self.kronor = kronor
        self.approximate = approximate
    }

    public static let zero = PlannedAmount()

    public static func + (a: PlannedAmount, b: PlannedAmount) -> PlannedAmount {
        PlannedAmount(kronor: a.kronor + b.kronor, approximate: a.approximate || b.approximate)
    }

    public static func += (a: inout PlannedAmount, b: PlannedAmount) { a = a + b }
}
