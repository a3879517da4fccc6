import AgendaCore
import ArgumentParser

struct IdentityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Manage who may use the agenda: the owner, förvaltning reporters and readers (owner only).",
        subcommands: [IdentityAdd.self, IdentityList.self, IdentityRevoke.self, IdentityRenew.self]
    )
}

extension Role: ExpressibleByArgument {}

struct IdentityAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an identity; its new token is printed once, alone on the last line.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The identity's name, e.g. Skolförvaltningen or IT-rådet.") var name: String
    @Option(help: "owner, reporter or reader.") var role: Role
    @Option(help: ArgumentHelp("A reporter's förvaltning (name or alias).", valueName: "name")) var department: String?

    func validate() throws {
        if role == .reporter && department == nil { throw ValidationError("a reporter reports for a förvaltning: give --department") }
        if role != .reporter && department != nil { throw ValidationError("only a reporter has a --department") }
    }

    func run() throws {
        let store = try global.openAgendaStore()
        let issued = try store.addIdentity(name: name, role: role, department: department, by: try global.actor(store), at: .now)
        Output.line("Added \(issued.identity.displayName).")
        TokenOutput.printIssued(issued)
    }
}

struct IdentityList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the identities (never their tokens).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let identities = try global.openStore().identities()
        if json { return try JSONOutput.print(identities) }
        var table = TextTable([.init("Namn"), .init("Roll"), .init("Förvaltning"), .init("Skapad"), .init("Återkallad")])
        for identity in identities {
            table.append([identity.name, identity.role.swedish, identity.department ?? "–", identity.createdAt.description,
                          identity.revokedAt?.description ?? "–"])
        }
        Output.line(table.render())
    }
}

struct IdentityRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an identity's token.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The identity's name.") var name: String

    func run() throws {
        let store = try global.openStore()
        let identity = try store.revokeIdentity(name: name, by: try global.actor(store), at: .now)
        Output.line("Revoked the token of \(identity.displayName); renew it with `agenda identity renew \(identity.name)`.")
    }
}

struct IdentityRenew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew", abstract: "Give an identity a new token (the old one stops working); printed once on the last line.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The identity's name.") var name: String

    func run() throws {
        let store = try global.openStore()
        let issued = try store.renewIdentity(name: name, by: try global.actor(store), at: .now)
        TokenOutput.printIssued(issued)
    }
}
