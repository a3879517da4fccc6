/// A token with the 1-based line it starts on.
struct LocatedToken: Equatable {
    var line: Int
    var token: PlanToken
}
