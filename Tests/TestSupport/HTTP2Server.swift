import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/2 server over TLS on 127.0.0.1: nghttpd (Debian's nghttp2-server),
/// with a throwaway self-signed certificate made by the openssl command. It serves
/// the files of a folder. Tests that need it skip when either program is missing;
/// `scripts/setup --tests` installs both.
public final class HTTP2Server {
    public let port: Int
    /// The certificate to trust (FetchRequest.caFile).
    public let certificatePath: String
    private let folder: URL
    private let process: Process

    public static var isAvailable: Bool {
        ["/usr/sbin/nghttpd", "/usr/bin/openssl"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts nghttpd serving `files` (path → body) and waits until it accepts connections.
    public init(files: [String: Data]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedwatch-h2-\(UUID().uuidString)")
        let documents = folder.appendingPathComponent("htdocs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        for (path, body) in files {
            try body.write(to: documents.appendingPathComponent(path))
        }
        let key = folder.appendingPathComponent("key.pem").path
        certificatePath = folder.appendingPathComponent("cert.pem").path
        try Self.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                          "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                          "-keyout", key, "-out", certificatePath])
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nghttpd")
        process.arguments = ["--address=127.0.0.1", "-d", documents.path, String(port), key, certificatePath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    deinit {
        if process.isRunning {
            // nghttpd ignores SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    public func url(_ path: String) -> String { "https://127.0.0.1:\(port)\(path)" }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if Self.accepts(port) { return }
            usleep(50_000)
        }
        throw LoopbackServerError("nghttpd did not start listening on 127.0.0.1:\(port)")
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LoopbackServerError("\(tool) \(arguments.first ?? "") exited \(process.terminationStatus)")
        }
    }

    /// A port nobody listens on now: bind port 0, read what the kernel chose, close.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        guard bound == 0 else { throw LoopbackServerError("no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
