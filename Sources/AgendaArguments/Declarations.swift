#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A command line's declarations: `@Option`, `@Flag`, `@Argument` and `@OptionGroup` on a command's struct,
/// read without reflection.
///
/// Each property wrapper, when the parser makes the command (`Command()`), hands its declaration to the
/// ``Declarations`` being collected and keeps a ``Slot`` for its value; the parser fills the slots, and the
/// command reads them through the wrapper. So the first questions the Swift runtime would answer by scanning
/// every conformance record of the binary (`Mirror`, `as? Protocol`) are never asked: that scan was half of
/// a short command's time (BENCHMARKS.md, "Fast again").
///
/// The spelling follows swift-argument-parser's, which the commands were first written against, except that
/// every option, flag and argument names itself: `@Option("period", help: …) var period: Period`.

/// A command line's arguments: a command, or a group of options several commands share.
public protocol ParsableArguments {
    init()
    /// Checks the values together after parsing; throw ``ValidationError`` to refuse them as a usage error.
    func validate() throws
}

extension ParsableArguments {
    public func validate() throws {}
}

/// A command: its name, texts and subcommands, and what it does.
public protocol ParsableCommand: ParsableArguments {
    static var configuration: CommandConfiguration { get }
    mutating func run() throws
}

extension ParsableCommand {
    /// A command that only groups subcommands is never run: the parser shows its help instead.
    public mutating func run() throws { preconditionFailure("\(Self.configuration.commandName) has subcommands and is not run") }
}

/// A command whose work awaits (the web server).
public protocol AsyncParsableCommand: ParsableCommand {
    mutating func run() async throws
}

extension AsyncParsableCommand {
    public mutating func run() throws { preconditionFailure("\(Self.configuration.commandName) is run with await") }
}

// Unchecked: the subcommands are metatypes, which are immutable.
public struct CommandConfiguration: @unchecked Sendable {
    public var commandName: String
    public var abstract: String
    public var discussion: String
    public var version: String
    public var subcommands: [any ParsableCommand.Type]

    public init(
        commandName: String, abstract: String = "", discussion: String = "", version: String = "",
        subcommands: [any ParsableCommand.Type] = []
    ) {
        self.commandName = commandName
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.subcommands = subcommands
    }
}

/// A value a command line can give: parsed from one argument.
public protocol ExpressibleByArgument {
    init?(argument: String)
    /// The values there are, for help and for the usage error of a value that is none of them; empty when any will do.
    static var allValueStrings: [String] { get }
    /// How help shows this value as a default.
    var defaultValueDescription: String { get }
}

extension ExpressibleByArgument {
    public static var allValueStrings: [String] { [] }
    public var defaultValueDescription: String { "\(self)" }
}

extension ExpressibleByArgument where Self: RawRepresentable, RawValue: ExpressibleByArgument {
    public init?(argument: String) {
        guard let raw = RawValue(argument: argument) else { return nil }
        self.init(rawValue: raw)
    }
    public var defaultValueDescription: String { rawValue.defaultValueDescription }
}

extension ExpressibleByArgument where Self: CaseIterable, Self: RawRepresentable, RawValue == String {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension String: ExpressibleByArgument {
    public init?(argument: String) { self = argument }
    public var defaultValueDescription: String { self }
}

extension Int: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { String(self) }
}

extension UInt64: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { String(self) }
}

/// An option's or argument's help text, and the name of its value in help and usage (`--period <period>`).
public struct ArgumentHelp: ExpressibleByStringLiteral, Sendable {
    public var abstract: String
    public var valueName: String?

    public init(_ abstract: String, valueName: String? = nil) {
        self.abstract = abstract
        self.valueName = valueName
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// A usage error a command's own check raises (`validate()`, or a value it cannot use).
public struct ValidationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

// MARK: - The declarations the wrappers hand over

/// Where a parsed value waits for its command: the command struct and its copies share it.
final class Slot<Value>: @unchecked Sendable {
    var value: Value?
    init(_ value: Value?) { self.value = value }

    /// The value, which the parser has set (a required one) or the declaration gave (a default).
    var parsed: Value {
        guard let value else { preconditionFailure("a value read before the command line was parsed") }
        return value
    }
}

/// Why a value could not be taken.
enum ValueProblem: Error {
    /// Not a value of the type; the values there are, if the type lists them.
    case invalid(allowed: [String])
    /// The command's own conversion refused it.
    case refused(String)
}

/// One `--name`: an option with a value, or a flag.
struct OptionDeclaration {
    let name: String
    /// nil for a flag.
    let valueName: String?
    let help: String
    let group: String
    let isRequired: Bool
    let isRepeating: Bool
    /// The default as help shows it (made only for help: a generic value's description asks the runtime).
    let defaultDescription: () -> String?
    let allowed: [String]
    /// Takes one occurrence's value ("" for a flag); `first` is true for the first occurrence.
    let take: (_ value: String, _ first: Bool) throws(ValueProblem) -> Void

    var label: String { valueName.map { "--\(name) <\($0)>" } ?? "--\(name)" }
}

/// One positional argument.
struct ArgumentDeclaration {
    let valueName: String
    let help: String
    let isRequired: Bool
    let isRepeating: Bool
    /// Takes everything from here on, options too (`agenda serve ARGS`).
    let isPassthrough: Bool
    /// Takes one value; `first` is true for the first value the argument takes.
    let take: (_ value: String, _ first: Bool) throws(ValueProblem) -> Void

    var label: String { "<\(valueName)>" + (isRepeating ? " ..." : "") }
}

/// What a command's struct declares, collected while the parser makes it.
final class Declarations {
    var options: [OptionDeclaration] = []
    var arguments: [ArgumentDeclaration] = []
    var validations: [() throws -> Void] = []
    /// Options and arguments in the order the command declares them, for its usage line.
    var order: [Entry] = []
    enum Entry { case option(Int), argument(Int) }
    /// The title of the ``OptionGroup`` being made ("" for the command's own options).
    var group = ""

    /// The declarations being collected on this thread, while it makes a command (nil otherwise): a thread's
    /// own, so a thread that makes an options struct by itself never adds to another thread's command.
    static var current: Declarations? {
        pthread_getspecific(key).map { Unmanaged<Declarations>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Makes `T()` and collects what it declares (an ``OptionGroup`` inside it adds to the same collection).
    static func collect<T: ParsableArguments>(_ type: T.Type) -> (T, Declarations) {
        let declarations = Declarations()
        let outer = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(declarations).toOpaque())
        defer { pthread_setspecific(key, outer) }
        return (T(), declarations)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

/// A single value's conversion, with the type's listed values for its usage error.
private func convert<T: ExpressibleByArgument>(_ text: String, as type: T.Type) throws(ValueProblem) -> T {
    guard let value = T(argument: text) else { throw .invalid(allowed: T.allValueStrings) }
    return value
}

private func declare(option: OptionDeclaration) {
    guard let declarations = Declarations.current else { return }
    assert(!declarations.options.contains { $0.name == option.name }, "--\(option.name) is declared twice")
    declarations.options.append(option)
    declarations.order.append(.option(declarations.options.count - 1))
}

private func declare(argument: ArgumentDeclaration) {
    guard let declarations = Declarations.current else { return }
    declarations.arguments.append(argument)
    declarations.order.append(.argument(declarations.arguments.count - 1))
}
private var currentGroup: String { Declarations.current?.group ?? "" }

/// A list option's or argument's values after one more: the first value given replaces the default.
private func append<T>(_ value: T, to list: [T]?, first: Bool) -> [T] {
    (first ? [] : list ?? []) + [value]
}

// MARK: - @Option

@propertyWrapper
public struct Option<Value> {
    private let slot: Slot<Value>

    public var wrappedValue: Value {
        get { slot.parsed }
        nonmutating set { slot.value = newValue }
    }

    private init(
        slot: Slot<Value>, name: String, help: ArgumentHelp, isRequired: Bool, isRepeating: Bool = false,
        defaultDescription: @escaping () -> String? = { nil },
        allowed: [String], take: @escaping (String, Bool) throws(ValueProblem) -> Void
    ) {
        self.slot = slot
        declare(option: OptionDeclaration(
            name: name, valueName: help.valueName ?? name, help: help.abstract, group: currentGroup, isRequired: isRequired,
            isRepeating: isRepeating, defaultDescription: defaultDescription, allowed: allowed, take: take))
    }
}

extension Option where Value: ExpressibleByArgument {
    /// An option that must be given.
    public init(_ name: String, help: ArgumentHelp = "") {
        let slot = Slot<Value>(nil)
        self.init(slot: slot, name: name, help: help, isRequired: true, allowed: Value.allValueStrings) { text, _ throws(ValueProblem) in
            slot.value = try convert(text, as: Value.self)
        }
    }

    /// An option with a default.
    public init(wrappedValue: Value, _ name: String, help: ArgumentHelp = "") {
        let slot = Slot<Value>(wrappedValue)
        self.init(
            slot: slot, name: name, help: help, isRequired: false, defaultDescription: { wrappedValue.defaultValueDescription },
            allowed: Value.allValueStrings
        ) { text, _ throws(ValueProblem) in
            slot.value = try convert(text, as: Value.self)
        }
    }
}

extension Option {
    /// An option that may be left out.
    public init<T: ExpressibleByArgument>(_ name: String, help: ArgumentHelp = "") where Value == T? {
        let slot = Slot<Value>(.some(nil))
        self.init(slot: slot, name: name, help: help, isRequired: false, allowed: T.allValueStrings) { text, _ throws(ValueProblem) in
            slot.value = .some(try convert(text, as: T.self))
        }
    }

    /// An option given any number of times, each a value of the list (the first replaces the default).
    public init<T: ExpressibleByArgument>(wrappedValue: [T], _ name: String, help: ArgumentHelp = "") where Value == [T] {
        let slot = Slot<Value>(wrappedValue)
        self.init(
            slot: slot, name: name, help: help, isRequired: false, isRepeating: true,
            defaultDescription: { wrappedValue.isEmpty ? nil : wrappedValue.map(\.defaultValueDescription).joined(separator: ", ") },
            allowed: T.allValueStrings
        ) { text, first throws(ValueProblem) in
            slot.value = append(try convert(text, as: T.self), to: slot.value, first: first)
        }
    }

    /// An option whose value the command converts itself; throw ``ValidationError`` to refuse it.
    public init(wrappedValue: Value, _ name: String, help: ArgumentHelp = "", transform: @escaping (String) throws -> Value) {
        let slot = Slot<Value>(wrappedValue)
        self.init(slot: slot, name: name, help: help, isRequired: false, allowed: []) { text, _ throws(ValueProblem) in
            do { slot.value = try transform(text) } catch let error as ValidationError { throw .refused(error.message) } catch {
                throw .refused("\(error)")
            }
        }
    }
}

// MARK: - @Flag

@propertyWrapper
public struct Flag {
    private let slot: Slot<Bool>

    public var wrappedValue: Bool {
        get { slot.value ?? false }
        nonmutating set { slot.value = newValue }
    }

    /// `--name`, true when given.
    public init(wrappedValue: Bool = false, _ name: String, help: ArgumentHelp = "") {
        let slot = Slot<Bool>(wrappedValue)
        self.slot = slot
        declare(option: OptionDeclaration(
            name: name, valueName: nil, help: help.abstract, group: currentGroup, isRequired: false, isRepeating: false,
            defaultDescription: { nil }, allowed: []
        ) { _, _ in slot.value = true })
    }
}

// MARK: - @Argument

@propertyWrapper
public struct Argument<Value> {
    private let slot: Slot<Value>

    public var wrappedValue: Value {
        get { slot.parsed }
        nonmutating set { slot.value = newValue }
    }

    private init(
        slot: Slot<Value>, name: String, help: ArgumentHelp, isRequired: Bool, isRepeating: Bool = false, isPassthrough: Bool = false,
        take: @escaping (String, Bool) throws(ValueProblem) -> Void
    ) {
        self.slot = slot
        declare(argument: ArgumentDeclaration(
            valueName: help.valueName ?? name, help: help.abstract, isRequired: isRequired, isRepeating: isRepeating,
            isPassthrough: isPassthrough, take: take))
    }
}

extension Argument where Value: ExpressibleByArgument {
    /// An argument that must be given.
    public init(_ name: String, help: ArgumentHelp = "") {
        let slot = Slot<Value>(nil)
        self.init(slot: slot, name: name, help: help, isRequired: true) { text, _ throws(ValueProblem) in
            slot.value = try convert(text, as: Value.self)
        }
    }
}

extension Argument {
    /// An argument that may be left out.
    public init<T: ExpressibleByArgument>(_ name: String, help: ArgumentHelp = "") where Value == T? {
        let slot = Slot<Value>(.some(nil))
        self.init(slot: slot, name: name, help: help, isRequired: false) { text, _ throws(ValueProblem) in
            slot.value = .some(try convert(text, as: T.self))
        }
    }

    /// One or more arguments (none, with a default).
    public init<T: ExpressibleByArgument>(wrappedValue: [T]? = nil, _ name: String, help: ArgumentHelp = "") where Value == [T] {
        let slot = Slot<Value>(wrappedValue ?? [])
        self.init(slot: slot, name: name, help: help, isRequired: wrappedValue == nil, isRepeating: true) { text, first throws(ValueProblem) in
            slot.value = append(try convert(text, as: T.self), to: slot.value, first: first)
        }
    }

    /// Everything from here on, options too, for another program.
    public init(wrappedValue: [String] = [], passthrough name: String, help: ArgumentHelp = "") where Value == [String] {
        let slot = Slot<Value>(wrappedValue)
        self.init(slot: slot, name: name, help: help, isRequired: false, isRepeating: true, isPassthrough: true) { text, first in
            slot.value = append(text, to: slot.value, first: first)
        }
    }
}

// MARK: - @OptionGroup

/// Options several commands share (``ParsableArguments``), with a heading of their own in help when titled.
@propertyWrapper
public struct OptionGroup<Value: ParsableArguments> {
    public var wrappedValue: Value

    public init(title: String = "") {
        guard let declarations = Declarations.current else {
            wrappedValue = Value()
            return
        }
        let outer = declarations.group
        declarations.group = title.isEmpty ? outer : title
        let value = Value()
        declarations.group = outer
        declarations.validations.append { try value.validate() }
        wrappedValue = value
    }
}
