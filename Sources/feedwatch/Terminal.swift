import Foundation
#if canImport(Glibc)
import Glibc
#endif

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// True when stdout is a terminal (a person is watching, not cron).
var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
