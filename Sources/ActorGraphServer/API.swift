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

    // MARK: routes

    func page() throws -> APIResponse {
        let s = store.snapshot
        let drawn = try ReportDrawing.svg(of: s.graph)
        let html = try ReportPage.html(data: ReportData(graph: s.graph, live: true, review: review != nil), svg: drawn.svg)
        return APIResponse(status: 200, contentType: "text/html; charset=utf-8", body: Data(html.utf8))
    }

    func view(_ q: [String: String]) throws -> APIResponse {
        let s = store.snapshot
        var request = DrawingRequest(filter: try filter(q))
        if let focus = q["focus"], !focus.isEmpty { request.focus = try actor(focus, in: s.graph) }
        if let depth = q["depth"] {
            guard let d = Int(depth), (0...6).contains(d) else { throw BadRequest(message: "depth: expected 0 to 6") }
            request.depth = d
        }
        if let engine = q["engine"], !engine.isEmpty {
            guard let e = LayoutEngine(rawValue: engine) else { throw BadRequest(message: "engine: expected one of " + LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) }
            request.engine = e
        }
        if let h = q["highlight"], !h.isEmpty {
            request.highlight = Set(try h.split(separator: ",").map { try actor(String($0), in: s.graph) })
        }
        let drawn = try ReportDrawing.svg(of: s.graph, request: request)
        return APIResponse(status: 200, contentType: "image/svg+xml; charset=utf-8", body: Data(drawn.svg.utf8))
    }

    func path(_ q: [String: String]) throws -> APIResponse {
        let s = store.snapshot
        guard let fromText = q["from"], let toText = q["to"] else { throw BadRequest(message: "path needs from and to") }
        let from = try actor(fromText, in: s.graph), to = try actor(toText, in: s.graph)
        let avoided = Set(try (q["avoid"] ?? "").split(separator: ",").map { try actor(String($0), in: s.graph) })
        var search = PathSearch.shortest
        if let k = q["k"] {
            guard let n = Int(k), (1...20).contains(n) else { throw BadRequest(message: "k: expected 1 to 20") }
            search = .kShortest(n)
        }
        let view = s.graph.view(try filter(q), mode: flag(q, "directed") ? .directed : .undirected, avoiding: avoided)
        return .json(try AnswerOutput.json(try view.paths(from: from, to: to, search: search)))
    }

    func centrality(_ q: [String: String]) throws -> APIResponse {
        let s = store.snapshot
        let measure = try q["measure"].map { text -> Measure in
            guard let m = Measure(rawValue: text) else { throw BadRequest(message: "measure: unknown '\(text)'") }
            return m
        } ?? .degree
        var top = 0
        if let t = q["top"] {
            guard let n = Int(t), n >= 0 else { throw BadRequest(message: "top: expected a number") }
            top = n
        }
        let mode: DirectionMode = q["mode"] == "directed" ? .directed : .undirected
        let view = s.graph.view(try filter(q), mode: mode)
        var options = CentralityOptions()
        if measure.isAllPairs && view.actorCount > 2_000 { options.sample = 200 }
        let report = CentralityReport(view: view, scores: [try view.centrality(measure, options: options)], top: top)
        return .json(try AnswerOutput.json(report))
    }

    func allies(_ q: [String: String]) throws -> APIResponse {
        let s = store.snapshot
        guard let who = q["actor"] else { throw BadRequest(message: "allies needs actor") }
        let id = try actor(who, in: s.graph)
        let report = try s.graph.view(try filter(q)).allies(of: id, signs: SignRule(meets: flag(q, "meetsPositive") ? 1 : 0))
        return .json(try AnswerOutput.json(report))
    }

    func document(_ q: [String: String], graph: ActorGraph, corpus: URL?) throws -> APIResponse {
        guard let id = q["id"] else { throw BadRequest(message: "document needs id") }
        struct Body: Encodable { var id: DocumentID; var path: String; var title: String?; var text: String }
        let found: (Document, String)
        do throws(CorpusFiles.Failure) {
            found = try CorpusFiles.text(of: DocumentID(id), in: graph, corpus: corpus)
        } catch {
            switch error {
            case .unknown: throw BadRequest(status: 404, message: "no document '\(id)' in the graph")
            case .outside: throw BadRequest(status: 403, message: "the document lies outside the corpus")
            case .unreadable: throw BadRequest(status: 404, message: "the document cannot be read")
            case .tooLarge: throw BadRequest(status: 413, message: "the document is larger than \(CorpusFiles.maxBytes) bytes")
            }
        }
        return .json(try AnswerOutput.json(Body(id: found.0.id, path: found.0.path, title: found.0.title, text: found.1)))
    }

    func candidates() throws -> APIResponse {
        guard let review else { return .error(404, "no candidates file (serve --candidates FILE)") }
        let c = try review.candidates()
        struct Body: Encodable {
            var file: String
            var candidates: [CandidateReview.Candidate]
            var actors: [String: String]
        }
        var names: [String: String] = [:]
        for a in store.snapshot.graph.actors { names[a.id.rawValue] = a.name }
        for a in c.graph.actors { names[a.id.rawValue] = a.name }
        return .json(try AnswerOutput.json(Body(file: review.url.lastPathComponent, candidates: c.list, actors: names)))
    }

    func decide(_ body: Data) throws -> APIResponse {
        guard let review else { return .error(404, "no candidates file (serve --candidates FILE)") }
        let decision: CandidateReview.Decision
        do { decision = try JSONDecoder().decode(CandidateReview.Decision.self, from: body) }
        catch { throw BadRequest(message: "the body must be JSON {id, decision: accept|reject|edit, type?, modality?, reverse?}") }
        let changed = try review.apply(decision)
        return .json(try AnswerOutput.json(changed))
    }

    // MARK: parameters

    func flag(_ q: [String: String], _ key: String) -> Bool { ["1", "true", "yes"].contains(q[key]?.lowercased() ?? "") }

    /// An actor by id, name or alias (as the command line resolves names).
    func actor(_ text: String, in graph: ActorGraph) throws -> ActorID {
        if graph.actorsByID[ActorID(text)] != nil { return ActorID(text) }
        switch ActorLookup(graph).resolve(text) {
        case .found(let id): return id
        case .ambiguous(let ids): throw BadRequest(message: "'\(text)' is ambiguous: " + ids.map(\.rawValue).joined(separator: ", "))
        case .notFound: throw BadRequest(status: 404, message: "no actor '\(text)'")
        }
    }

    /// The relation filter of `types`, `modalities`, `kinds`, `asOf`, `between=FROM,TO`.
    func filter(_ q: [String: String]) throws -> RelationFilter {
        func set<T: RawRepresentable & Hashable>(_ key: String, _: T.Type) throws -> Set<T>? where T.RawValue == String {
            guard let text = q[key] else { return nil }
            var out = Set<T>()
            for part in text.split(separator: ",", omittingEmptySubsequences: true) {
                guard let v = T(rawValue: String(part)) else { throw BadRequest(message: "\(key): unknown value '\(part)'") }
                out.insert(v)
            }
            return out
        }
        func date(_ text: String, _ key: String) throws -> PartialDate {
            guard let d = PartialDate(text) else { throw BadRequest(message: "\(key): invalid date '\(text)'") }
            return d
        }
        var f = RelationFilter(types: try set("types", RelationType.self), modalities: try set("modalities", Modality.self),
                               actorKinds: try set("kinds", ActorKind.self))
        if let a = q["asOf"], !a.isEmpty { f.asOf = try date(a, "asOf") }
        if let b = q["between"], !b.isEmpty {
            let parts = b.split(separator: ",")
            guard parts.count == 2 else { throw BadRequest(message: "between: expected FROM,TO") }
            let x = try date(String(parts[0]), "between"), y = try date(String(parts[1]), "between")
            guard !(y < x) else { throw BadRequest(message: "between: \(x) is after \(y)") }
            f.between = x...y
        }
        return f
    }
}
