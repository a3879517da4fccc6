import Foundation

/// Reading several things as one moment of the file, for front ends that must not touch ``db``
/// (ReportGen builds a whole report from one snapshot).
extension AgendaStore {
    /// Runs `body` so that every read of this store inside it sees one snapshot of the file: a
    /// report or page built from several queries never mixes data from before and after another
    /// process's write. Takes no write lock. Inside a transaction already open on this store,
    /// `body` joins it. Throws what `body` throws, or ``StoreError`` when the snapshot cannot be begun.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try db.read(body)
    }

    /// ``missingReports(for:)`` as it was known at `knownAt` (nil: now): reports filed after
    /// `knownAt` do not count, so a published period's list never changes.
    ///
    /// The rule is the one `agenda status missing` answers: per förvaltning (register order), the
    /// actions active at the end of `period` that it LEADS and on which nothing was filed for
    /// `period`; an action whose status carried over from an earlier period is Klar or Avbruten needs
    /// no more reports. A co-responsible förvaltning is not chased.
    ///
    /// Kept beside ``missingReports(for:)`` until the two are folded into one function with a
    /// `knownAt` parameter; for `knownAt` nil they must give the same answer.
    public func missingReports(for period: Period, knownAt: Timestamp?) throws -> [MissingReports] {
        try db.read {
            let actions = try fetchActions(ActionFilter(asOf: period.end)).filter { $0.state == .active }
            let statuses = try statuses(for: period, knownAt: knownAt)
            var byLead: [String: [String]] = [:]
            for action in actions {
                guard let lead = action.responsibility.lead?.department else { continue }
                if let entry = statuses[action.code],
                   !entry.carriedOver || [.done, .cancelled].contains(entry.report.status) {
                    continue
                }
                byLead[lead, default: []].append(action.code)
            }
            return try departments().compactMap { department in
                byLead[department.name].map { MissingReports(department: department.name, actions: $0) }
            }
        }
    }
}
