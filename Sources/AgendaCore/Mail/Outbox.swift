/// The round's e-mail, as data. A message is put in the outbox in the transaction of the event that causes
/// it and sent afterwards by whoever runs the sender (`agenda serve --base-url`, `agenda mail run`), which
/// words it in Swedish (AgendaMail) and marks it sent only once the mail system accepted it.

/// What a message is about.
public enum MailKind: String, Sendable, Codable, CaseIterable {
    /// A round was opened: to the reporters of every förvaltning that leads or shares an action.
    case roundOpened = "round-opened"
    /// Reports are still missing as the deadline nears, or passed: to the förvaltning's reporters.
    case reminder
    /// The deadline passed: to the owners, which förvaltningar are late with what.
    case lateSummary = "late-summary"
    /// A period's report was published: to the readers.
    case published
    /// A one-time sign-in link, minted when the message is sent (the outbox never holds a secret).
    case signInLink = "sign-in-link"

    /// "Omgången öppnad", "Påminnelse", …
    public var swedish: String {
        switch self {
        case .roundOpened: "Omgången öppnad"
        case .reminder: "Påminnelse"
        case .lateSummary: "Sena rapporter"
        case .published: "Rapport publicerad"
        case .signInLink: "Inloggningslänk"
        }
    }
}

/// When a reminder falls due: `days` before the deadline, or the day after it.
public enum ReminderKind: Sendable, Equatable, Hashable, Codable, Comparable {
    case before(days: Int)
    case afterDeadline

    /// The date it falls due on for a round with `deadline`.
    public func due(deadline: CalendarDate) -> CalendarDate {
        switch self {
        case let .before(days): deadline.adding(days: -days)
        case .afterDeadline: deadline.adding(days: 1)
        }
    }

    /// The days before the deadline a round reminds on unless it is opened with others.
    public static let standardDays = [5, 1]

    /// ``standardDays`` as a person writes them ("5, 1"), and as ``days(in:)`` reads them.
    public static var standardDaysText: String { standardDays.map(String.init).joined(separator: ", ") }

    /// The days a person wrote, separated by commas ("5, 1"); nil when a part is not a whole number. Whether
    /// they lie 1–60 days before the deadline is the round's own check (``InputProblem/reminderDaysOutOfRange(_:)``).
    public static func days(in text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let days = parts.compactMap { Int($0) }
        return days.count == parts.count ? days : nil
    }

    /// "before-5", "after": how the outbox's dedupe key names it.
    public var key: String {
        switch self {
        case let .before(days): "before-\(days)"
        case .afterDeadline: "after"
        }
    }

    /// Earlier reminders sort first: more days before, then fewer, then after the deadline.
    public static func < (lhs: ReminderKind, rhs: ReminderKind) -> Bool {
        switch (lhs, rhs) {
        case let (.before(a), .before(b)): a > b
        case (.before, .afterDeadline): true
        case (.afterDeadline, _): false
        }
    }
}

/// Someone a message goes to.
public struct MailRecipient: Sendable, Equatable, Codable {
    /// The identity's name ("Skolförvaltningen", "Anna Svensson").
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// What a message says, as data: each kind uses its part of it.
public struct MailContent: Sendable, Equatable, Codable {
    /// An action named in a message: its code and title.
    public struct ActionLine: Sendable, Equatable, Codable {
        public var code: String
        public var title: String
    }

    /// A late förvaltning in the owners' summary, with the actions it still misses.
    public struct LateDepartment: Sendable, Equatable, Codable {
        public var department: String
        public var actions: [ActionLine]
    }

    public var deadline: CalendarDate?
    /// A förvaltning's actions in the round (opened) or those still missing a report (reminder).
    public var actions: [ActionLine] = []
    public var reminder: ReminderKind?
    public var late: [LateDepartment] = []
    /// How long a sign-in link stays valid, in seconds.
    public var linkValidity: Int64?
    /// The identity a sign-in link signs in.
    public var linkIdentity: String?
}

/// Why a message waits: what the mail command did, as a code the front ends word.
public enum MailProblem: Sendable, Equatable {
    /// The mail system is not there or does not answer now (the command's sysexits 69 or 75).
    case unreachable
    /// The mail command did not finish in time and was stopped.
    case timedOut
    /// There is no such mail command on the machine.
    case commandMissing
    /// The mail command refused the message (any other exit status, e.g. 65 for a recipient refused).
    case refused(status: Int)
    /// The message could not be made (an address that is no longer one, an identity revoked since).
    case failed

    /// What the mail system did, in plain Swedish ("e-postsystemet svarar inte").
    public var swedish: String {
        switch self {
        case .unreachable: "e-postsystemet svarar inte"
        case .timedOut: "e-postsystemet svarade inte i tid"
        case .commandMissing: "e-postkommandot finns inte på servern"
        case let .refused(status): "e-postsystemet tog inte emot meddelandet (slutkod \(status)); kontrollera adressen"
        case .failed: "meddelandet kan inte skickas: adressen går inte att använda eller identiteten är återkallad"
        }
    }

    /// The form stored in the outbox.
    public var stored: String {
        switch self {
        case .unreachable: "unreachable"
        case .timedOut: "timed-out"
        case .commandMissing: "command-missing"
        case let .refused(status): "refused-\(status)"
        case .failed: "failed"
        }
    }

    public init(stored: String) {
        switch stored {
        case "unreachable": self = .unreachable
        case "timed-out": self = .timedOut
        case "command-missing": self = .commandMissing
        case _ where stored.hasPrefix("refused-"): self = .refused(status: Int(stored.dropFirst(8)) ?? 1)
        default: self = .failed
        }
    }
}

/// One message in the outbox.
public struct OutboxMessage: Sendable, Equatable {
    public var number: Int
    /// The Message-ID without angle brackets: the same however often the message is sent.
    public var messageID: String
    public var kind: MailKind
    public var period: String?
    public var department: String?
    public var recipients: [MailRecipient]
    public var content: MailContent
    /// When it was written: the message's Date.
    public var createdAt: Timestamp
    public var attempts: Int
    public var nextAttemptAt: Timestamp
    public var problem: MailProblem?
    public var sentAt: Timestamp?
}

/// What waits in the outbox: the IT-chef's round page says it.
public struct OutboxState: Sendable, Equatable {
    /// Messages not yet accepted by the mail system.
    public var waiting: Int
    /// The latest problem among the waiting, if any has one.
    public var problem: MailProblem?
    /// Messages accepted by the mail system.
    public var sent: Int

    public init(waiting: Int, problem: MailProblem?, sent: Int) {
        self.waiting = waiting
        self.problem = problem
        self.sent = sent
    }
}

/// How the sender waits after a failed attempt: 1, 2, 4 … minutes, at most an hour.
public enum MailBackoff {
    public static func delay(afterAttempts attempts: Int) -> Int64 {
        Int64(min(3_600, 60 << min(max(attempts - 1, 0), 6)))
    }
}
