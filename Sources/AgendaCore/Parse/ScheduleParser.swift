/// Reads a tidsplan text ("2017 - 2019", "2017 – utredning, 2018 – inrätta …",
/// "Arbetet startar höstterminen 2016 …") into a ``Schedule``, keeping the text verbatim.
public enum ScheduleParser {
    /// nil or blank text gives an unknown schedule (no years), never an invented one.
    public static func parse(_ text: String?) -> Schedule {
        // STUB: to be implemented.
        Schedule(text: text)
    }
}
