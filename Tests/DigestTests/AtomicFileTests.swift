import Foundation
import Testing
@testable import Digest

@Suite struct AtomicFileTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "feedwatch-digest-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func contents(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    func entries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    @Test func writesAFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/2024-04-18.md"
        try AtomicFile.write(Data("# digest\n".utf8), to: path)
        #expect(try contents(path) == "# digest\n")
        #expect(try entries(folder) == ["2024-04-18.md"])
    }

    @Test func replacesAnExistingFileAndKeepsItsPermissions() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/2024-04-18.md"
        try AtomicFile.write(Data("old and longer contents\n".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFile.write(Data("new\n".utf8), to: path)
        #expect(try contents(path) == "new\n")
        #expect(try entries(folder) == ["2024-04-18.md"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func writesAnEmptyFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/empty.md"
        try AtomicFile.write(Data(), to: path)
        #expect(try contents(path) == "")
    }

    @Test func createsMissingFolders() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/digests/2024/04/2024-04-18.md"
        try AtomicFile.write(Data("x".utf8), to: path)
        #expect(try contents(path) == "x")
        #expect(try entries(folder + "/digests/2024/04") == ["2024-04-18.md"])
    }

    @Test func aFailedWriteNamesThePathAndLeavesNoTemporaryFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A folder where the file should go: the rename into place must fail.
        let path = folder + "/taken.md"
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        let error = #expect(throws: DigestError.self) { try AtomicFile.write(Data("x".utf8), to: path) }
        #expect(error?.message.hasPrefix("write \(path): ") == true)
        #expect(try entries(folder) == ["taken.md"])
        #expect(try entries(path) == ["inside"])
    }

    @Test func aFolderThatCannotBeMadeIsReported() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let blocker = folder + "/blocker"
        try AtomicFile.write(Data("a file".utf8), to: blocker)
        let path = blocker + "/2024-04-18.md"
        let error = #expect(throws: DigestError.self) { try AtomicFile.write(Data("x".utf8), to: path) }
        #expect(error?.message.hasPrefix("write \(path): ") == true)
        #expect(try entries(folder) == ["blocker"])
    }
}
