// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Agenda",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "agenda", targets: ["AgendaCLI"]),
        // The web interface's own program, which `agenda serve` runs from the same folder.
        .executable(name: "agenda-serve", targets: ["AgendaServe"]),
        .library(name: "AgendaCore", targets: ["AgendaCore"]),
        .library(name: "ReportGen", targets: ["ReportGen"]),
        // Benchmark-only: writes synthetic agendas of municipal, regional and national size (bench/run).
        .executable(name: "agenda-bench-data", targets: ["AgendaBenchData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // 3.x or 4.x: jwt-kit 5 (the ID tokens of OpenID sign-in) needs 4.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        // OpenID Connect sign-in: JOSE (ID tokens against the provider's JWKS) and HTTP to the provider.
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Not named CZlib: ZIPFoundation, which the tests read packages with, has a module of that name.
        .systemLibrary(
            name: "CSystemZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Every folder of templates/ is compiled into the binary by the EmbedResources plugin
        // (templates/default → EmbeddedFiles.default, templates/sample → EmbeddedFiles.sample), so the
        // binary reads no resource folder and installing `agenda` is copying one file. A new folder
        // in templates/ is embedded as it is: `sources:` keeps SwiftPM from treating its files as its own.
        .target(
            name: "AgendaTemplates",
            path: "templates",
            sources: ["AgendaTemplates.swift"],
            plugins: ["EmbedResources"]
        ),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["EmbedResourcesTool"],
            path: "Plugins/EmbedResources"
        ),
        .executableTarget(
            name: "EmbedResourcesTool",
            path: "Plugins/EmbedResourcesTool"
        ),
        .target(
            name: "AgendaCore",
            dependencies: [
                "CSQLite",
                // libxml2's streaming reader and zlib's inflate read .docx and .odt plans.
                "CLibXML2",
                "CSystemZlib",
                "AgendaTemplates",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ReportGen",
            dependencies: ["AgendaCore", "CLibXML2", "CSystemZlib", "AgendaTemplates"]
        ),
        // Hands Swift concurrency's jobs to NIO's event loops (AgendaWeb's WebServer) in a binary with the
        // runtime linked in, where NIO's own way (dlsym) finds no hook.
        .target(name: "CConcurrencyHook"),
        // The web interface: routes, pages, sessions, CSRF. No SQL and no business rule: it calls AgendaService.
        .target(
            name: "AgendaWeb",
            dependencies: [
                "AgendaCore",
                "ReportGen",
                "AgendaMail",
                "CConcurrencyHook",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                // The event loops run Swift concurrency's jobs (WebServer); NIO's blocking pool runs writes.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // ConnectionRules reads a request's HTTP/1 head (version, raw headers) below the router.
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // Signing in with the municipality's accounts (OpenID Connect): ID tokens and calls to the provider.
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The round's e-mail: the outbox's sender (MailSender) over its transport (Transport/: RFC 5322/MIME
        // rendering, handed to the machine's own mail system through a sendmail-compatible command).
        .target(name: "AgendaMail", dependencies: ["AgendaCore", "ReportGen"]),
        // The command line's declarations (@Option, @Flag, @Argument, @OptionGroup), parser and Swedish help,
        // without reflection: the runtime's conformance scans it avoids were half a short command's time.
        .target(name: "AgendaArguments"),
        // What both programs share: the options every command takes, the "fel: …" wording of errors,
        // and the `main` that parses and runs a command.
        .target(name: "AgendaCommandLine", dependencies: ["AgendaArguments", "AgendaCore", "AgendaMail"]),
        // `agenda`: every command but the web server, so none of them loads the server's code (HTTP, TLS,
        // OpenID). The release build links the Swift runtime in, without PIE and without exporting its
        // symbols: nothing to relocate at start and no symbol table to search (BENCHMARKS.md, "Start-up").
        // (Without PIE only with the runtime linked in: against the shared runtime the loader warns at every
        // start.) `agenda-serve`, the network daemon, keeps PIE.
        .executableTarget(
            name: "AgendaCLI",
            dependencies: [
                "AgendaArguments",
                "AgendaCore",
                "ReportGen",
                "AgendaMail",
                "AgendaCommandLine",
            ],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        .executableTarget(
            name: "AgendaServe",
            dependencies: [
                "AgendaArguments",
                "AgendaCommandLine",
                "AgendaMail",
                "AgendaWeb",
            ],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),
        .executableTarget(
            name: "AgendaBenchData",
            dependencies: [
                "AgendaArguments",
                "AgendaCommandLine",
                "AgendaCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "AgendaArgumentsTests", dependencies: ["AgendaArguments"]),
        // Fixtures/documents holds the .docx/.odt plans and the script that makes them; the tests read them by path
        // and build damaged packages with ZIPFoundation, an independent zip writer.
        .testTarget(name: "AgendaCoreTests", dependencies: ["AgendaCore", "ZIPFoundation"], exclude: ["Fixtures/documents", "Fixtures/lika-plan", "Fixtures/lika-export"]),
        // ZIPFoundation reads the .odt/.ods packages in the tests: an independent check of ReportGen's zip writer.
        .testTarget(name: "ReportGenTests", dependencies: ["ReportGen", "AgendaCore", "ZIPFoundation"]),
        // Runs the built programs (`agenda`, and `agenda-serve` through `agenda serve`) as a user does.
        .testTarget(name: "AgendaCLITests", dependencies: ["AgendaCLI", "AgendaServe", "AgendaCore"]),
        // What the tests that run real servers share: starting programs that leave daemons (posix_spawn), free ports.
        .target(name: "AgendaTestSupport", path: "Tests/AgendaTestSupport"),
        // Sends to a real Exim started by scripts/mta (scripts/mta.md) and reads back what it delivered.
        .testTarget(name: "AgendaMailTests", dependencies: ["AgendaMail", "AgendaCore", "ReportGen", "AgendaTestSupport"]),
        .testTarget(
            name: "AgendaWebTests",
            dependencies: [
                "AgendaWeb", "AgendaCore", "ReportGen", "AgendaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // Signs the hostile ID tokens of the sign-in tests (with the test provider's own key, and others).
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Every module of ours refers to a concrete generic type (a dictionary or a set keyed by one of our enums) through its metadata
// accessor, the conformances it needs passed in, not through a mangled name the runtime decodes at first use,
// which looks each conformance up by scanning every conformance record of the binary (BENCHMARKS.md, "Fast again").
for target in package.targets where [.regular, .executable].contains(target.type) && !target.name.hasPrefix("C") {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
    ]
}

// Fuzz targets for the importers (README, "Fuzzing the importers"), only when AGENDA_FUZZ is set, so
// `swift build` and `swift test` never see them. AgendaCore is compiled with libFuzzer's coverage only then:
// AGENDA_FUZZ=1 swift build --scratch-path .build-fuzz -c release --product agenda-fuzz-import
if Context.environment["AGENDA_FUZZ"] != nil {
    for target in package.targets where target.name == "AgendaCore" {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"])]
    }
    package.targets += [
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .executableTarget(
            name: "agenda-fuzz-import", dependencies: ["AgendaCore", "CFuzzDriver"], path: "Fuzz/FuzzImport",
            swiftSettings: [.unsafeFlags(["-sanitize=fuzzer"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer", "-use-ld=lld"])]),
    ]
}
