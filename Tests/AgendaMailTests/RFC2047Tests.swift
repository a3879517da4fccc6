import Testing
@testable import AgendaMail
