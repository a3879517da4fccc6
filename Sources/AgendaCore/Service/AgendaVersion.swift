/// The version of Agenda, as `agenda --version` prints it.
public enum AgendaVersion {
    public static let current = "0.5.0"
}
