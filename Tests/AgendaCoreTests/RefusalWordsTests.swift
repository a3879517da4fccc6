import Testing
@testable import AgendaCore

/// The core's sentences for refusals are what the web shows: they name no flag, no command and no
/// English word (the CLI adds its flags and commands in its own words, AgendaCLI's CLIWords).
@Suite struct RefusalWordsTests {
    static let date = CalendarDate(iso: "2018-10-01")!
    static let period = try! Period(parsing: "2018Q4")
    static let at = Timestamp(date, hour: 9)

    static let problems: [InputProblem] = [
        .empty, .tooLong(count: 300, limit: 200), .controlCharacter(0x1B), .notAnActionCode("x"), .negative,
        .tooLarge(limit: 10_000_000_000), .notANumber, .notAYear(12), .periodBeforePlan(period, planStart: date),
        .periodNotBegun(period), .noOpenRound, .deadlineBeforePeriod(deadline: date, period: period),
        .dateInFuture(date, today: date), .dateBefore(date, earliest: date),
        .dateBeforeVersion(action: "1.1", since: date, revision: 2), .decisionWithoutDate, .assessmentWithoutDate,
        .unknownUnit("X", closest: ["Y"]), .codeOrPlaceChanged(action: "1.1"), .reporterNeedsDepartment,
        .departmentForNonReporter(.owner), .departmentForNonReporter(.reader), .noDepartment, .noAnswers(unit: "IFO"),
        .missingIndicatorCode, .badSetKey("Lika 2016"), .answeredTwice(indicator: "L1"), .noSuchStep(indicator: "L1", step: 4),
        .indicatorOutsideAreas(indicator: "L1", set: "LIKA", areas: ["A"]), .newIndicatorWithoutText(indicator: "L1", set: "LIKA"),
        .noIndicatorInArea(indicator: "L1", area: "A", set: "LIKA"), .noActionsToLink, .noIndicatorsToLink(action: "1.1"),
        .noGoals(action: "1.1"), .noSuchGoal(action: "1.1", count: 1), .noSuchGoal(action: "1.1", count: 3),
        .measureWithoutIndicator, .measuredOnWithoutValue, .noSuggestion(indicator: "L1"), .duplicateArea(1),
        .duplicateSubArea("1.1"), .subAreaWithoutArea(subArea: "1.1", area: 1), .duplicateAction("1.1"),
        .actionWithoutArea(action: "1.1", area: 1), .actionWithoutSubArea(action: "1.1.1", subArea: "1.1"),
    ]

    static var sentences: [String] {
        var all = problems.flatMap { problem in InputField.allCases.map { problem.sentence($0) } }
        let missing: [Missing] = [
            .agenda, .action("9.9"), .organisationName("X", closest: ["Y"]), .organisationName("X", closest: []), .department("X"),
            .unit(department: "X", unit: "Y"), .identity("X"), .focusArea(10), .indicator(set: "LIKA", code: "L9"),
            .indicatorSet("x", known: ["lika-socialtjanst"]), .openRound(period), .assessedUnit("X", known: []),
            .assessedUnit("X", known: ["IFO"]), .assessment(unit: "IFO", date: date, available: [date]),
            .assessment(unit: "IFO", date: nil, available: []), .assessmentAgainst(unit: "IFO", set: "LIKA"),
        ]
        let existing: [Existing] = [
            .action("1.1"), .agenda(title: "Plan"), .owner, .identity("X"), .registerEntry("X", aliases: true), .departmentOrAlias("X"),
            .unit("X"), .aliasIsDepartment("X"), .identities, .file(path: "/tmp/x.sqlite"), .indicatorSet("lika-socialtjanst"),
        ]
        let conflicts: [Conflict] = [
            .revoked(identity: "X"), .alreadyRevoked(identity: "X", at: at), .onlyOwner(identity: "X"),
            .unitInOtherDepartment(unit: "X", department: "Y", named: "Z"), .alreadyLinked(action: "1.1", indicator: "L1"),
            .unchanged(action: "1.1"), .alreadyClosed(action: "1.1", revision: 2),
            .measureUnchanged(action: "1.1", goal: 1, removing: true), .measureUnchanged(action: "1.1", goal: 1, removing: false), .readOnly,
        ]
        all += missing.map(\.sentence) + existing.map(\.sentence) + conflicts.map(\.sentence)
        all += [WithdrawnUse.report, .assessment, .links, .withdrawal(revision: 2)].map { $0.sentence("1.1") }
        all += [FrozenUse.planChange(end: date), .publication(Publication(period: "2018Q4", publishedAt: at, publishedBy: "IT-chef"))]
            .map { $0.sentence("2018Q4") }
        // (SQLite's own message and a corrupt row are never shown on a page: the web words `.unavailable` itself.)
        all += [StoreError.noDatabase(path: "/x"), .notAgendaDatabase(path: "/x"), .olderSchema(path: "/x")].map(\.description)
        // The SQLite failures a person can act on are worded without SQLite's (English) message.
        all += [13, 5, 6, 8, 10, 11, 26].map { StoreError.sqlite(code: $0, message: "database or disk is full", sql: nil).description }
        all += [AccessError.invalidToken, .assessmentOutOfScope(department: "X", unit: "Y", unitDepartment: nil),
                .outOfScope(department: "X", action: "1.1", responsible: ["Y"])].map(\.description)
        all += AccessPolicy.Write.allCases.flatMap { write in
            Role.allCases.map { AccessError.forbidden(who: "X", role: $0, write: write).description }
        }
        return all
    }

    @Test func noSentenceNamesAFlagACommandOrAnEnglishWord() {
        let command = /\bagenda (import|init|list|status|report|identity|lika|show|edit|add|audit|serve|site|demo|templates)\b/
        let english = /\b(owner|reporter|reader|the|is|not|with|use|run|see|please|error|invalid)\b/
        for sentence in Self.sentences {
            #expect(!sentence.contains("--"), "\(sentence)")
            #expect(!sentence.contains("`"), "\(sentence)")
            #expect(sentence.firstMatch(of: command) == nil, "\(sentence)")
            #expect(!sentence.contains("$AGENDA"), "\(sentence)")
            #expect(sentence.firstMatch(of: english) == nil, "\(sentence)")
        }
        #expect(Self.sentences.count > 1_000)
    }
}
