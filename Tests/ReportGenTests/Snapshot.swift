@testable import AgendaCore

extension AgendaStore {
    /// The read-only view ReportGen reads through, over this store (AgendaService hands one out in the app).
    var snapshot: StoreSnapshot { StoreSnapshot(self) }
}
