import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ActorGraphReport
import Foundation

/// Each route of ``APIHandler``: the page, the views and the questions, as the library answers them.
extension APIHandler {
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
}
