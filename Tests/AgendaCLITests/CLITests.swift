import Testing
@testable import AgendaCore
