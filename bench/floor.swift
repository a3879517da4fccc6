// The floor of start-up (bench/run): a Swift program built the way `agenda` is (release, the Swift runtime
// and Foundation linked in) that does nothing but print one line through Foundation.
import Foundation

FileHandle.standardOutput.write(Data("agenda-floor \(CommandLine.arguments.count)\n".utf8))
