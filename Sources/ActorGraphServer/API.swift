import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ActorGraphReport
import Foundation

/// One HTTP request as the API sees it: method, request target (path and query, as sent), body.
public struct APIRequest: Sendable {
    public var method: String
    public var target: String
    public var body: Data

    public init(method: String = "GET", target: String, body: Data = Data()) {
        self.method = method
        self.target = target
        self.body = body
    }
}

/// One response: status, content type, body.
public struct APIResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: Data

    public init(status: Int, contentType: String, body: Data) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    static func json(_ text: String, status: Int = 200) -> APIResponse {
        APIResponse(status: status, contentType: "application/json; charset=utf-8", body: Data(text.utf8))
    }

    static func error(_ status: Int, _ message: String) -> APIResponse {
        struct Message: Encodable { var error: String }
        return json((try? AnswerOutput.json(Message(error: message))) ?? "{}", status: status)
    }
}

/// The server's routes, as a function from request to response: no sockets here, so tests call
/// it directly and the HTTP layer (``ServerApp``) only adapts.
///
/// | route | answer |
/// | --- | --- |
/// | `GET /` | the interactive page (live) |
/// | `GET /api/graph` | ``ReportData`` |
/// | `GET /api/version` | `{version, error}`: the graph's version, bumped at each reload |
/// | `GET /api/view?types&modalities&kinds&asOf&between&focus&depth&engine&highlight` | SVG drawn in process |
/// | `GET /api/path?from&to&directed&k&avoid` (+ filter) | ``PathAnswer`` |
/// | `GET /api/centrality?measure&top&mode` (+ filter) | ``CentralityReport`` |
/// | `GET /api/allies?actor` (+ filter) | ``AlliesReport`` |
/// | `GET /api/balance` (+ filter) | ``BalanceReport`` |
/// | `GET /api/document?id` | a cited document's text from the graph's corpus |
/// | `GET /api/candidates` | the candidates and their review state |
/// | `GET /api/candidates/document?id` | a candidate's document from the candidates' corpus |
/// | `POST /api/candidates/decision` | apply `{id, decision: accept|reject|edit, type?, modality?, reverse?}` |
public struct APIHandler: Sendable {
    public let store: GraphStore
    public let review: CandidateReview?
    public var limits: Limits

    public struct Limits: Sendable {
        /// Longest request target (path and query), in bytes.
        public var maxTarget = 8 * 1024
        /// Largest request body, in bytes.
        public var maxBody = 64 * 1024
        /// Most query parameters.
        public var maxParameters = 40
        /// Longest time a request may take before it is answered 503.
        public var timeout: Duration = .seconds(15)
        public init() {}
    }

    public init(store: GraphStore, review: CandidateReview? = nil, limits: Limits = Limits()) {
        self.store = store
        self.review = review
        self.limits = limits
    }

    /// Answers `request` within ``Limits/timeout`` (503 past it).
    public func respond(_ request: APIRequest) async -> APIResponse {
        let timeout = limits.timeout
        return await withTaskGroup(of: APIResponse?.self) { group in
            group.addTask { self.handle(request) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : APIResponse.error(503, "the request took longer than \(timeout)")
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .error(503, "no answer")
        }
    }

    /// Answers `request` at once, on the calling thread.
    public func handle(_ request: APIRequest) -> APIResponse {
        guard request.target.utf8.count <= limits.maxTarget else { return .error(414, "the request target is longer than \(limits.maxTarget) bytes") }
        guard request.body.count <= limits.maxBody else { return .error(413, "the body is larger than \(limits.maxBody) bytes") }
        let rawPath: Substring, rawQuery: Substring
        if let q = request.target.firstIndex(of: "?") {
            rawPath = request.target[..<q]
            rawQuery = request.target[request.target.index(after: q)...]
        } else {
            rawPath = request.target[...]
            rawQuery = ""
        }
        // Only a handful of fixed routes exist; anything that looks like a way out is refused
        // before routing: dot segments, backslashes, encoded separators or dots, NUL.
        guard rawPath.hasPrefix("/"), let path = String(rawPath).removingPercentEncoding else { return .error(400, "malformed path") }
        let lowered = rawPath.lowercased()
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." })
            || lowered.contains("%2e") || lowered.contains("%2f") || lowered.contains("%5c") || path.contains("\\")
            || path.contains("\0") || path.contains("//") {
            return .error(400, "path not allowed")
        }
        let query: [String: String]
        switch Self.parseQuery(rawQuery, limit: limits.maxParameters) {
        case .success(let q): query = q
        case .failure(let message): return .error(400, message.text)
        }
        let method = request.method.uppercased()
        do {
            switch (method, path) {
            case ("GET", "/"), ("GET", "/index.html"): return try page()
            case ("GET", "/api/graph"):
                let s = store.snapshot
                return .json(try ReportData(graph: s.graph, live: true, review: review != nil).json())
            case ("GET", "/api/version"):
                let s = store.snapshot
                return .json(try AnswerOutput.json(VersionBody(version: s.version, error: s.error)))
            case ("GET", "/api/view"): return try view(query)
            case ("GET", "/api/path"): return try self.path(query)
            case ("GET", "/api/centrality"): return try centrality(query)
            case ("GET", "/api/allies"): return try allies(query)
            case ("GET", "/api/balance"):
                let s = store.snapshot
                let f = try filter(query)
                return .json(try AnswerOutput.json(s.graph.view(f).balance(signs: SignRule(meets: flag(query, "meetsPositive") ? 1 : 0))))
            case ("GET", "/api/document"):
                let s = store.snapshot
                return try document(query, graph: s.graph, corpus: s.corpus)
            case ("GET", "/api/candidates"): return try candidates()
            case ("GET", "/api/candidates/document"):
                guard let review else { return .error(404, "no candidates file (serve --candidates FILE)") }
                let c = try review.candidates()
                return try document(query, graph: c.graph, corpus: c.corpus)
            case ("POST", "/api/candidates/decision"): return try decide(request.body)
            case (_, "/"), (_, "/index.html"), (_, "/api/graph"), (_, "/api/version"), (_, "/api/view"), (_, "/api/path"),
                 (_, "/api/centrality"), (_, "/api/allies"), (_, "/api/balance"), (_, "/api/document"),
                 (_, "/api/candidates"), (_, "/api/candidates/document"), (_, "/api/candidates/decision"):
                return .error(405, "\(method) is not allowed on \(path)")
            default:
                return .error(404, "no such page")
            }
        } catch let e as BadRequest {
            return .error(e.status, e.message)
        } catch let e as AnalysisError {
            if case .unknownActor = e { return .error(404, e.description) }
            return .error(400, e.description)
        } catch let e as CandidateReview.Failure {
            if case .unknownCandidate = e { return .error(404, e.description) }
            if case .invalid = e { return .error(400, e.description) }
            return .error(500, e.description)
        } catch {
            return .error(500, "\(error)")
        }
    }

    struct VersionBody: Encodable {
        var version: Int
        var error: String?
    }

    struct BadRequest: Error {
        var status = 400
        var message: String
    }

    struct QueryError: Error { var text: String }

    /// Decodes `a=1&b=x%20y` (a `+` is a space); repeated keys keep the last value.
    static func parseQuery(_ raw: Substring, limit: Int) -> Result<[String: String], QueryError> {
        var out: [String: String] = [:]
        let parts = raw.split(separator: "&", omittingEmptySubsequences: true)
        if parts.count > limit { return .failure(QueryError(text: "more than \(limit) query parameters")) }
        for part in parts {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let key = decode(kv[0]), let value = kv.count > 1 ? decode(kv[1]) : "" else {
                return .failure(QueryError(text: "malformed query parameter '\(part.prefix(40))'"))
            }
            out[key] = value
        }
        return .success(out)
    }
}
