import AgendaCore
import Foundation
import Testing

/// The access requests of accounts that signed in without an identity, from the command line, and the
/// checks of `agenda serve`'s sign-in flags. (Signing in at a real provider: AgendaWebTests.)
@Suite struct AccountCLITests {
    @Test func requestsAreListedGrantedAndDeclinedFromTheCommandLine() throws {
        let folder = try TemporaryFolder()
        let demo = try AgendaProcess.run(["demo", folder.url.path])
        #expect(demo.status == 0, "stderr: \(demo.stderr)")
        let owner = try #require(DemoTokens.parse(demo.stdout)["IT-chef"])
        let school = try #require(DemoTokens.parse(demo.stdout)["Skolförvaltningen"])
        let db = folder.path("agenda.sqlite")
        func agenda(token: String? = owner, _ arguments: String...) throws -> AgendaProcess.Result {
            try AgendaProcess.run(arguments, environment: ["AGENDA_DB": db].merging(token.map { ["AGENDA_TOKEN": $0] } ?? [:]) { $1 })
        }
        #expect(try agenda("identity", "requests").stdout.contains("Inga förfrågningar väntar."))
        // Two accounts sign in without an identity (as the web's return from the provider does).
        let service = try AgendaService(path: db, access: .write)
        for (subject, name, email, verified) in [("c", "Cecilia Ek", "cecilia.ek@molndal.example", true), ("b", "Bertil Berg", "bertil.berg@molndal.example", false)] {
            _ = try service.signIn(with: Account(issuer: "https://login.molndal.example", subject: subject, name: name, email: email, emailVerified: verified))
        }
        let listed = try agenda("identity", "requests")
        #expect(listed.status == 0 && listed.stdout.contains("Cecilia Ek") && listed.stdout.contains("bertil.berg@molndal.example (ej bekräftad)"))
        #expect(listed.stdout.contains("agenda identity grant NR --role reporter --department NAMN"))

        let notOwner = try agenda(token: school, "identity", "grant", "1", "--role", "reporter", "--department", "Skolförvaltningen")
        #expect(notOwner.status == 1 && notOwner.stderr.contains("får inte hantera identiteter"), "stderr: \(notOwner.stderr)")
        let noDepartment = try agenda("identity", "grant", "1", "--role", "reporter")
        #expect(noDepartment.status == 64 && noDepartment.stderr.contains("--department"))
        let granted = try agenda("identity", "grant", "1", "--role", "reporter", "--department", "skolförvaltningen")
        #expect(granted.status == 0 && granted.stdout.contains("Cecilia Ek (rapportör för Skolförvaltningen) har fått tillgång"), "\(granted.stderr)")
        let again = try agenda("identity", "grant", "1", "--role", "reader")
        #expect(again.status == 1 && again.stderr.contains("begäran om tillgång nummer 1 är redan beviljad"), "stderr: \(again.stderr)")
        let declined = try agenda("identity", "decline", "2")
        #expect(declined.status == 0 && declined.stdout.contains("Förfrågan 2 från Bertil Berg är avböjd."))
        #expect(try agenda("identity", "decline", "9").stderr.contains("det finns ingen begäran om tillgång nummer 9"))
        let all = try agenda("identity", "requests", "--all")
        #expect(all.stdout.contains("beviljad") && all.stdout.contains("Cecilia Ek") && all.stdout.contains("avböjd"))
        let audit = try agenda("audit").stdout
        #expect(audit.contains("Bad om tillgång") && audit.contains("Gav tillgång") && audit.contains("Avböjde en förfrågan om tillgång"))
    }

    @Test func serveRefusesIncompleteOrUnsafeSignInSettingsBeforeListening() throws {
        let folder = try TemporaryFolder()
        let secret = folder.path("secret")
        try "  \n".write(toFile: secret, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--oidc-issuer", "https://login.molndal.example"], "kräver alla tre"),
            (["--sign-in", "oidc"], "--sign-in oidc kräver"),
            (["--oidc-issuer", "https://login.molndal.example", "--oidc-client-id", "agenda", "--oidc-client-secret-file", secret],
             "ange --base-url"),
            (["--base-url", "https://agenda.molndal.example", "--oidc-issuer", "http://login.molndal.example", "--oidc-client-id", "agenda",
              "--oidc-client-secret-file", secret], "https://-adress"),
            (["--base-url", "https://agenda.molndal.example", "--oidc-issuer", "https://login.molndal.example", "--oidc-client-id", "agenda",
              "--oidc-client-secret-file", folder.path("saknas")], "kan inte läsa klienthemligheten"),
            (["--base-url", "https://agenda.molndal.example", "--oidc-issuer", "https://login.molndal.example", "--oidc-client-id", "agenda",
              "--oidc-client-secret-file", secret], "är tom"),
        ]
        for (arguments, words) in cases {
            let result = try AgendaProcess.run(["serve", "--db", folder.path("agenda.sqlite"), "--port", "1"] + arguments)
            #expect(result.status == 64 && result.stderr.contains(words), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("  \n"), "the secret is never echoed")
        }
    }
}
