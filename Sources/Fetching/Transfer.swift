import Foundation
internal import CCurl

/// One request in flight: owns its libcurl easy handle, the header list and
/// error buffer the handle points at, and what the callbacks collect.
final class Transfer {
    let request: FetchRequest
    /// The URL this attempt fetches: `request.url` or one of its fallbacks.
    let url: String
    let handle: UnsafeMutableRawPointer
    private let headerList: CurlHeaderList
    private let errorBuffer: UnsafeMutablePointer<CChar>

    private(set) var body = Data()
    /// The start of a 403/429/503 body, kept only to recognise a bot challenge page.
    private(set) var errorBody = Data()
    /// Header fields of the latest response (the final hop once done), names lowercased.
    private(set) var headers: [String: String] = [:]
    /// Status of the latest response's status line; nil before one arrived or for file:.
    private(set) var lineStatus: Int?
    /// Set when the write callback stopped the transfer at the body cap.
    private(set) var exceededCap = false
    /// The status of every response line seen, redirect hops and 1xx included, in order.
    private(set) var lineStatuses: [Int] = []
    private var lastHeaderName: String?

    /// Transfers slower than this many bytes per second for `lowSpeedSeconds` are abandoned.
    static let lowSpeedBytesPerSecond = 10
    static let lowSpeedSeconds = 15
    static let maxRedirects = 10
    /// How much of an error page is kept to look for a bot challenge.
    static let maxErrorBodyBytes = 64 * 1024
    /// libcurl's receive buffer: bigger than its 16 KiB default, so a large
    /// feed takes fewer callbacks.
    static let receiveBufferBytes = 64 * 1024

    init(request: FetchRequest, url: String) throws(FetchError) {
        guard CurlGlobal.isReady, let handle = curl_easy_init() else {
            throw FetchError(kind: .other, message: "fetch \(url): libcurl could not be initialised")
        }
        self.request = request
        self.url = url
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(to: 0)
        headerList = CurlHeaderList(lines: Self.conditionalHeaders(for: request) + Self.extraHeaders(for: request))
        try configure()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// If-None-Match and If-Modified-Since go out as raw header lines so the
    /// stored validators return byte for byte (CURLOPT_TIMECONDITION would
    /// re-format the date). A value with a line break would inject headers and is dropped.
    private static func conditionalHeaders(for request: FetchRequest) -> [String] {
        var lines: [String] = []
        if let etag = request.etag, !etag.isEmpty, !etag.contains(where: \.isNewline) {
            lines.append("If-None-Match: \(etag)")
        }
        if let date = request.lastModified, !date.isEmpty, !date.contains(where: \.isNewline) {
            lines.append("If-Modified-Since: \(date)")
        }
        return lines
    }

    /// feeds.conf's `header=` fields, in name order. A name without a value
    /// goes out as "Name;", libcurl's way to send an empty header ("Name:"
    /// would remove it). Anything with a line break would inject headers and is dropped.
    private static func extraHeaders(for request: FetchRequest) -> [String] {
        request.extraHeaders.sorted { $0.key < $1.key }.compactMap { name, value in
            let name = name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(":"), !name.contains(where: \.isNewline),
                  !value.contains(where: \.isNewline) else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? "\(name);" : "\(name): \(trimmed)"
        }
    }

    private func configure() throws(FetchError) {
        // Redirects never lead to file:, even for a file: feed: only the URL
        // in feeds.conf may name a local file, never a server's Location.
        let protocols = request.allowFileScheme ? "http,https,file" : "http,https"
        try set(CURLOPT_URL, url)
        try set(CURLOPT_PROTOCOLS_STR, protocols)
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 1)
        try set(CURLOPT_MAXREDIRS, Self.maxRedirects)
        if request.deferDecoding {
            // The caller inflates, so only what BodyDecoder knows may be asked for.
            try set(CURLOPT_ACCEPT_ENCODING, "gzip, deflate")
            try set(CURLOPT_HTTP_CONTENT_DECODING, 0)
        } else {
            // "" asks for every encoding this libcurl can decode (gzip, deflate, br, zstd).
            try set(CURLOPT_ACCEPT_ENCODING, "")
        }
        try set(CURLOPT_NOSIGNAL, 1)
        // libcurl reads 0 as "no limit", which a cron job must never get by accident.
        try set(CURLOPT_CONNECTTIMEOUT, max(1, request.connectTimeoutSeconds))
        try set(CURLOPT_TIMEOUT, max(1, request.totalTimeoutSeconds))
        try set(CURLOPT_LOW_SPEED_LIMIT, Self.lowSpeedBytesPerSecond)
        try set(CURLOPT_LOW_SPEED_TIME, Self.lowSpeedSeconds)
        try set(CURLOPT_USERAGENT, request.userAgent)
        // HTTP/2 over TLS when the server offers it (ALPN), HTTP/1.1 otherwise;
        // the multi handle multiplexes HTTP/2 streams over one connection.
        try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        // Idle cached connections get probed, so a dead one is noticed before reuse.
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_BUFFERSIZE, Self.receiveBufferBytes)
        if let cookie = request.cookie, !cookie.isEmpty {
            try set(CURLOPT_COOKIE, cookie)
        }
        // Without a proxy option libcurl reads http_proxy, https_proxy (or
        // HTTPS_PROXY), all_proxy and no_proxy from the environment itself
        // (never upper-case HTTP_PROXY, by libcurl's design), so nil must
        // leave CURLOPT_PROXY unset. "" sets it to "", which turns proxies
        // off, the environment's included.
        if let proxy = request.proxy {
            try set(CURLOPT_PROXY, proxy)
        }
        if let netrc = request.netrcFile, !netrc.isEmpty {
            // Optional: credentials in the URL win; libcurl only sends them to
            // the host they are for, never to a redirect's other host.
            try set(CURLOPT_NETRC, Int(CURL_NETRC_OPTIONAL.rawValue))
            try set(CURLOPT_NETRC_FILE, netrc)
        }
        if let ca = request.caFile, !ca.isEmpty {
            try set(CURLOPT_CAINFO, ca)
        }
        try check(fw_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, request.maxBodyBytes))),
                  "CURLOPT_MAXFILESIZE_LARGE")
        try check(fw_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        if let list = headerList.list {
            try check(fw_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list), "CURLOPT_HTTPHEADER")
        }

        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(fw_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            Transfer.from(context)?.receiveBody(data, size * count) ?? 0
        }, "CURLOPT_WRITEFUNCTION")
        try check(fw_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "CURLOPT_WRITEDATA")
        try check(fw_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            Transfer.from(context)?.receiveHeader(data, size * count) ?? 0
        }, "CURLOPT_HEADERFUNCTION")
        try check(fw_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "CURLOPT_HEADERDATA")
    }

    /// The transfer behind a callback's context pointer; the Fetcher keeps it
    /// alive for as long as its handle is in the multi handle.
    private static func from(_ context: UnsafeMutableRawPointer?) -> Transfer? {
        guard let context else { return nil }
        return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    }

    private func set(_ option: CURLoption, _ value: String) throws(FetchError) {
        try check(fw_easy_setopt_string(handle, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: Int) throws(FetchError) {
        try check(fw_easy_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    private func check(_ code: CURLcode, _ what: String) throws(FetchError) {
        guard code == CURLE_OK else {
            throw FetchError(kind: .other, message: "fetch \(url): libcurl refused \(what): \(Self.describe(code))")
        }
    }

    static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }

    // MARK: Callbacks

    /// Returning fewer bytes than offered makes libcurl abort with CURLE_WRITE_ERROR.
    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let data else { return count }
        let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        if let status = lineStatus, !(200..<300).contains(status) {
            // An error page is not worth keeping, except the start of one that
            // may be a bot challenge, which only its body gives away.
            if [403, 429, 503].contains(status), errorBody.count < Self.maxErrorBodyBytes {
                errorBody.append(bytes, count: min(count, Self.maxErrorBodyBytes - errorBody.count))
            }
            return count
        }
        // The cap counts decoded bytes, so it also stops a lying
        // Content-Length, chunked bodies and compression bombs.
        guard body.count + count <= request.maxBodyBytes else {
            exceededCap = true
            return 0
        }
        body.append(bytes, count: count)
        return count
    }

    /// Called once per header line of every response, redirects included.
    /// Parsed on the bytes (names are ASCII; values are decoded as UTF-8,
    /// repairing anything else): this runs for every header of every feed.
    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let data else { return count }
        // Leading blanks stay: they mark a folded continuation.
        let line = Self.trimmedEnd(UnsafeRawBufferPointer(start: data, count: count)[...])
        guard let first = line.first else { return count }

        if line.starts(with: Self.statusLinePrefix) {
            // A new response (a redirect hop, 100 Continue, a proxy's reply): start over.
            headers = [:]
            lastHeaderName = nil
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2)
            lineStatus = fields.count > 1 ? Int(String(decoding: fields[1], as: UTF8.self)) : nil
            lineStatuses.append(lineStatus ?? 0)
        } else if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            // An obsolete folded continuation of the previous header.
            if let name = lastHeaderName, let value = headers[name] {
                headers[name] = value + " " + String(decoding: Self.trimmed(line), as: UTF8.self)
            }
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: Self.trimmed(line[..<colon]).lazy.map(Self.asciiLowercased), as: UTF8.self)
            let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
            headers[name] = value
            lastHeaderName = name
            if name == "content-length", let status = lineStatus, (200..<300).contains(status) {
                reserveBody(declaredLength: value)
            }
        }
        return count
    }

    private static let statusLinePrefix = Array("HTTP/".utf8)

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0d || byte == 0x0a
    }

    /// Without trailing blanks and line ends.
    private static func trimmedEnd(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var end = bytes.endIndex
        while end > bytes.startIndex, isBlank(bytes[end - 1]) { end -= 1 }
        return bytes[bytes.startIndex..<end]
    }

    /// Without blanks and line ends on either side.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let rest = trimmedEnd(bytes)
        var start = rest.startIndex
        while start < rest.endIndex, isBlank(rest[start]) { start += 1 }
        return rest[start..<rest.endIndex]
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5a).contains(byte) ? byte + 0x20 : byte
    }

    /// Room for the whole body at once instead of repeated regrowth. Only a
    /// hint: a lying or compressed length is corrected by the appends, and a
    /// length over the cap reserves nothing (the cap will stop that body).
    private func reserveBody(declaredLength: String) {
        guard body.isEmpty, let length = Int(declaredLength), length > 0, length <= request.maxBodyBytes else { return }
        body.reserveCapacity(length)
    }

    // MARK: Information after the transfer

    var responseCode: Int {
        var code = 0
        _ = fw_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    var effectiveURL: String {
        var pointer: UnsafeMutablePointer<CChar>?
        guard fw_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &pointer) == CURLE_OK, let pointer else {
            return url
        }
        return String(cString: pointer)
    }

    /// "1.0", "1.1", "2" or "3"; nil without HTTP (file:).
    var httpVersion: String? {
        var version = 0
        _ = fw_easy_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
        switch version {
        case Int(CURL_HTTP_VERSION_1_0): return "1.0"
        case Int(CURL_HTTP_VERSION_1_1): return "1.1"
        case Int(CURL_HTTP_VERSION_2_0): return "2"
        case Int(CURL_HTTP_VERSION_3): return "3"
        default: return nil
        }
    }

    /// Body bytes as they came over the wire, before decompression, of the final hop.
    var bytesReceived: Int {
        var bytes: curl_off_t = 0
        _ = fw_easy_getinfo_off(handle, CURLINFO_SIZE_DOWNLOAD_T, &bytes)
        return Int(bytes)
    }

    var redirectCount: Int {
        var count = 0
        _ = fw_easy_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &count)
        return count
    }

    var elapsedSeconds: Double {
        var seconds = 0.0
        _ = fw_easy_getinfo_double(handle, CURLINFO_TOTAL_TIME, &seconds)
        return seconds
    }

    /// libcurl's own explanation of the last failure, or "" when it gave none.
    var errorDetail: String {
        String(cString: errorBuffer)
    }
}
