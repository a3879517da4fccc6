/// Reads a kostnad text ("200 tkr/år", "ca 4,4 mnkr", "Inom befintliga budgetramar …")
/// into a ``Cost``. Recurring amounts that name no years of their own run over the
/// schedule's years, marked as derived.
public enum CostParser {
    public static func parse(_ text: String?, schedule: Schedule) -> Cost {
        // STUB: to be implemented.
        Cost(text: text)
    }
}
