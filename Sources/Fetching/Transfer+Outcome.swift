import FeedModel
import Foundation
internal import CCurl

extension Transfer {
    /// What a finished transfer amounts to: 2xx and 304 succeed, everything
    /// else becomes a classified FetchError.
    func outcome(_ code: CURLcode) -> Result<FetchResponse, FetchError> {
        let status = responseCode

        // Checked before the status: both end on a 3xx the server did send.
        if code == CURLE_UNSUPPORTED_PROTOCOL {
            return failure(.refused, "refused: scheme not allowed (\(curlDetail(code)))")
        }
        if code == CURLE_TOO_MANY_REDIRECTS {
            return failure(.other, "too many redirects (more than \(Self.maxRedirects))")
        }
        if status >= 400 {
            return httpFailure(status: status)
        }
        if exceededCap || code == CURLE_FILESIZE_EXCEEDED {
            return failure(.tooLarge, "body larger than \(request.maxBodyBytes) bytes", answered: true)
        }
        guard code == CURLE_OK else {
            return failure(Self.kind(of: code), transportDetail(code), answered: status > 0)
        }
        switch status {
        case 304:
            return .success(response(status: 304))
        case 200..<300, 0:
            // 0: a transfer without HTTP (file:), which worked; report it as a 200.
            let reported = status == 0 ? 200 : status
            guard !body.isEmpty else {
                return failure(.empty, "empty body (HTTP \(reported))", answered: true)
            }
            return .success(response(status: reported))
        default:
            return failure(.other, "HTTP \(status) without a usable redirect", answered: true)
        }
    }

    private func response(status: Int) -> FetchResponse {
        let finalURL = effectiveURL
        let hops = redirectCount
        var response = FetchResponse(status: status, headers: headers, body: body, effectiveURL: finalURL,
                                     redirectCount: hops)
        response.servedURL = url
        if request.deferDecoding, let coding = headers["content-encoding"]?.trimmingCharacters(in: .whitespaces).lowercased(),
           !coding.isEmpty, coding != "identity" {
            response.contentEncoding = coding
        }
        response.permanentRedirect = Self.isPermanent(hopStatuses: lineStatuses, redirectCount: hops) ? finalURL : nil
        response.httpVersion = httpVersion
        response.bytesReceived = bytesReceived
        return response
    }

    /// Whether every redirect followed was a 301 or 308, judged from the
    /// status lines in order: the last is the final response (a 304 too), and
    /// the 3xx lines before it are the hops (1xx lines and a proxy's own
    /// "200 Connection established" are not).
    static func isPermanent(hopStatuses statuses: [Int], redirectCount: Int) -> Bool {
        guard redirectCount > 0 else { return false }
        let hops = statuses.dropLast().filter { (300..<400).contains($0) }
        return hops.count == redirectCount && hops.allSatisfy { $0 == 301 || $0 == 308 }
    }

    /// `answered`: the server sent a response, so its status and headers go into the error.
    private func failure(_ kind: FetchFailureKind, _ detail: String, answered: Bool = false)
        -> Result<FetchResponse, FetchError> {
        let status = responseCode
        return .failure(FetchError(kind: kind, message: "fetch \(url): \(detail)",
                                   status: answered && status > 0 ? status : nil,
                                   headers: answered ? headers : [:]))
    }

    private func httpFailure(status: Int) -> Result<FetchResponse, FetchError> {
        let retryAfter = headers["retry-after"]
        let retryNote = retryAfter.map { ", retry after \($0)" } ?? ""
        if [403, 429, 503].contains(status), BotChallenge.isChallenge(headers: headers, body: readableErrorBody) {
            return failure(.botChallenge, "HTTP \(status) (bot challenge)", answered: true)
        }
        if status == 429 || (status == 503 && retryAfter != nil) {
            return failure(.rateLimited, "HTTP \(status)\(retryNote)", answered: true)
        }
        switch status {
        case 400..<500: return failure(.http4xx, "HTTP \(status)", answered: true)
        case 500..<600: return failure(.http5xx, "HTTP \(status)", answered: true)
        default: return failure(.other, "HTTP \(status)", answered: true)
        }
    }

    private static func kind(of code: CURLcode) -> FetchFailureKind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dns
        case CURLE_COULDNT_CONNECT:
            return .connect
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .refused
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        default:
            return .other
        }
    }

    private func transportDetail(_ code: CURLcode) -> String {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return "timed out after \(Int(elapsedSeconds.rounded())) s (\(curlDetail(code)))"
        case CURLE_COULDNT_RESOLVE_HOST:
            return "cannot resolve host (\(curlDetail(code)))"
        case CURLE_COULDNT_CONNECT:
            return "cannot connect (\(curlDetail(code)))"
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            return "connection broken (\(curlDetail(code)))"
        default:
            return curlDetail(code)
        }
    }

    /// libcurl's specific message when it left one, its generic one otherwise.
    private func curlDetail(_ code: CURLcode) -> String {
        let detail = errorDetail
        return detail.isEmpty ? Self.describe(code) : detail
    }

    /// The kept start of an error body, inflated when libcurl left it compressed
    /// (a request with `deferDecoding`): a truncated stream still yields its start.
    private var readableErrorBody: Data {
        guard request.deferDecoding, let coding = headers["content-encoding"] else { return errorBody }
        return (try? BodyDecoder.decode(errorBody, encoding: coding, maxBytes: 4 * Self.maxErrorBodyBytes, url: url)) ?? errorBody
    }
}
