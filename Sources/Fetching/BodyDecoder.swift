import Foundation
import FeedModel
internal import CZlib

/// Inflates a gzip or deflate body, stopping at a size cap.
///
/// A poll asks libcurl for the body as sent and inflates it here, on a worker
/// thread: inflating inside libcurl would run on the one thread that drives every
/// transfer, and measured on the polling benchmark that alone kept the network
/// idle for a sixth of the first poll.
enum BodyDecoder {
    static let chunkSize = 64 * 1024

    /// `encoding` is the Content-Encoding header; identity or none returns the bytes as they are.
    static func decode(_ body: Data, encoding: String?, maxBytes: Int, url: String) throws(FetchError) -> Data {
        let coding = (encoding ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch coding {
        case "", "identity":
            return body
        case "gzip", "x-gzip", "deflate":
            // 15 + 32: zlib reads the gzip or zlib header itself. Some servers send
            // "deflate" as a raw stream with no header: -15 reads that.
            do {
                return try inflate(body, windowBits: 15 + 32, maxBytes: maxBytes, url: url)
            } catch where coding == "deflate" && error.kind == .unparseable {
                return try inflate(body, windowBits: -15, maxBytes: maxBytes, url: url)
            }
        default:
            throw FetchError(kind: .other, message: "fetch \(url): unsupported Content-Encoding \"\(coding)\"")
        }
    }

    private static func inflate(_ body: Data, windowBits: Int32, maxBytes: Int, url: String) throws(FetchError) -> Data {
        var output = Data()
        var failure: FetchError?
        body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.bindMemory(to: Bytef.self).baseAddress else { return }
            var stream = z_stream()
            guard fw_inflate_init2(&stream, windowBits) == Z_OK else {
                failure = FetchError(kind: .other, message: "fetch \(url): zlib could not start inflating")
                return
            }
            defer { inflateEnd(&stream) }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(raw.count)
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                if output.count + produced > maxBytes {
                    failure = FetchError(kind: .tooLarge,
                                         message: "fetch \(url): body larger than \(maxBytes) bytes once decompressed")
                    return
                }
                output.append(chunk, count: produced)
                switch status {
                case Z_STREAM_END:
                    // A gzip body may hold several members one after another.
                    guard stream.avail_in > 0, windowBits > 0 else { return }
                    guard inflateReset(&stream) == Z_OK else { return }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    // The body ended before the stream did: keep what came (a feed
                    // parser recovers truncated documents).
                    return
                default:
                    failure = FetchError(kind: .unparseable, message: "fetch \(url): corrupt compressed body (zlib \(status))")
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
