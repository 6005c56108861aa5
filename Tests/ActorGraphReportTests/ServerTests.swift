import ActorGraphCore
import ActorGraphFormats
import ActorGraphServer
import Foundation
import Testing
import TestSupport

/// The server's handlers, called directly (no socket): routes, limits, path traversal, review.
@Suite struct ServerHandlerTests {
    let handler: APIHandler

    init() throws {
        let store = try GraphStore(url: RepositoryPaths.seedGraph, verifyEvidence: false)
        handler = APIHandler(store: store)
    }

    func get(_ target: String) -> APIResponse { handler.handle(APIRequest(target: target)) }

    func json(_ r: APIResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.body) as? [String: Any])
    }

    @Test func pageAndGraph() throws {
        let page = get("/")
        #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
        #expect(page.text.contains("connect-src 'self'"))
        let graph = try json(get("/api/graph"))
        #expect(graph["live"] as? Bool == true)
        #expect((graph["actors"] as? [Any])?.count == handler.store.snapshot.graph.actors.count)
    }

    @Test func pathAnswersAsTheLibrary() throws {
        let r = get("/api/path?from=Qatar&to=kataib-imam-ali")
        #expect(r.status == 200)
        let answer = try JSONDecoder().decode(PathAnswer.self, from: r.body)
        let library = try handler.store.snapshot.graph.view(mode: .undirected).paths(from: "qatar", to: "kataib-imam-ali")
        #expect(answer == library)
        #expect(answer.paths.first?.hops.allSatisfy { !$0.relations.isEmpty && !$0.relations[0].relation.evidence.isEmpty } == true)
    }

    @Test func viewFiltersTheDrawing() throws {
        let r = get("/api/view?asOf=2022-12&engine=dot")
        #expect(r.status == 200 && r.text.hasPrefix("<svg"))
        let graph = handler.store.snapshot.graph
        let kept = graph.view(RelationFilter(asOf: PartialDate("2022-12"))).relations
        for relation in graph.relations {
            let present = r.text.contains("<g id=\"\(graphvizSVGText(relation.id.rawValue))\" class=\"edge relation")
            #expect(present == kept.contains(relation), "\(relation.id)")
        }
    }

    @Test func centralityAlliesBalance() throws {
        let c = try json(get("/api/centrality?measure=pagerank&top=5"))
        #expect((c["ranking"] as? [Any])?.count == 5)
        let a = try json(get("/api/allies?actor=hamas"))
        #expect(a["actor"] as? String == "hamas")
        let b = try json(get("/api/balance?types=supports,opposes"))
        #expect(b["census"] != nil)
    }

    @Test(arguments: ["/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2E%2E/etc/passwd", "/api/..%5c..%5cetc",
                      "//etc/passwd", "/./api/graph", "/api/document?id=../../etc/passwd", "/api/document?id=%2Fetc%2Fpasswd",
                      "/etc/passwd", "/%00", "/api/graph/.."])
    func traversalIsRefused(_ target: String) {
        let r = get(target)
        #expect((400..<500).contains(r.status), "\(target): \(r.status)")
        #expect(!r.text.contains("root:"))
    }

    @Test func documentsComeFromTheCorpusOnly() throws {
        let r = get("/api/document?id=001_f7d6dec5c4ecb134")
        #expect(r.status == 200)
        #expect(try json(r)["text"] as? String != nil)
        // A document whose path climbs out of the corpus is refused even though the graph lists it.
        var graph = handler.store.snapshot.graph
        graph.documents.append(Document(id: "evil", path: "../../../../etc/passwd"))
        let corpus = handler.store.snapshot.corpus
        #expect(throws: CorpusFiles.Failure.outside) { try CorpusFiles.text(of: "evil", in: graph, corpus: corpus) }
    }

    @Test func errorsAndLimits() {
        #expect(get("/api/path?from=Qatar").status == 400)
        #expect(get("/api/path?from=Qatar&to=nobody-at-all").status == 404)
        #expect(get("/api/view?asOf=2x").status == 400)
        #expect(get("/api/view?engine=rm").status == 400)
        #expect(get("/api/view?types=%ZZ").status == 400)
        #expect(get("/nowhere").status == 404)
        #expect(handler.handle(APIRequest(method: "DELETE", target: "/api/graph")).status == 405)
        #expect(get("/api/view?" + String(repeating: "a=b&", count: 3000)).status == 414)
        #expect(get("/api/view?" + String(repeating: "a=b&", count: 60)).status == 400)
        #expect(handler.handle(APIRequest(method: "POST", target: "/api/candidates/decision", body: Data(count: 100_000))).status == 413)
        #expect(get("/api/candidates").status == 404)
    }

    @Test func fiftyConcurrentRequestsAgree() async throws {
        let handler = self.handler
        let expected = get("/api/path?from=Qatar&to=kataib-imam-ali").body
        let drawing = get("/api/view?types=supports").body
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<50 {
                group.addTask {
                    if i % 2 == 0 { return await handler.respond(APIRequest(target: "/api/path?from=Qatar&to=kataib-imam-ali")).body == expected }
                    return await handler.respond(APIRequest(target: "/api/view?types=supports")).body == drawing
                }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 50 && results.allSatisfy { $0 })
    }

    @Test func reloadsWhenTheFileChanges() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let file = folder.appendingPathComponent("g.yaml")
        try "title: one\nactors:\n  - {id: a, name: A, kind: group}\n".write(to: file, atomically: true, encoding: .utf8)
        let store = try GraphStore(url: file, verifyEvidence: false)
        #expect(!store.reloadIfChanged())
        try "title: two, longer\nactors:\n  - {id: a, name: A, kind: group}\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(store.reloadIfChanged())
        #expect(store.snapshot.graph.title == "two, longer" && store.snapshot.version == 2)
        try "title: [broken\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(!store.reloadIfChanged())
        #expect(store.snapshot.graph.title == "two, longer" && store.snapshot.error != nil)
    }
}

@Suite struct CandidateReviewTests {
    static let file = """
        title: candidates
        actors:
          - {id: a, name: A, kind: group}
          - {id: b, name: B, kind: group}
        relations:
          - {id: c1, source: a, target: b, type: supports, notes: "candidate; confidence 0.8; rule r1; sentence 2; status pending; comment keep; this"}
          - {id: c2, source: a, target: b, type: meets, notes: "candidate; confidence 0.4; rule r2; status pending"}
          - {id: c3, source: b, target: a, type: hosts}

        """

    @Test func decisionsLandInTheFile() throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let url = folder.appendingPathComponent("candidates.yaml")
        try Self.file.write(to: url, atomically: true, encoding: .utf8)
        let store = try GraphStore(url: url, verifyEvidence: false)
        let handler = APIHandler(store: store, review: CandidateReview(url: url))
        func post(_ body: String) -> APIResponse {
            handler.handle(APIRequest(method: "POST", target: "/api/candidates/decision", body: Data(body.utf8)))
        }
        #expect(post(#"{"id": "c1", "decision": "accept", "reviewer": "ana"}"#).status == 200)
        #expect(post(#"{"id": "c2", "decision": "reject"}"#).status == 200)
        #expect(post(#"{"id": "c3", "decision": "edit", "type": "opposes", "modality": "reported", "reverse": true}"#).status == 200)
        #expect(post(#"{"id": "zz", "decision": "accept"}"#).status == 404)
        #expect(post(#"{"id": "c1", "decision": "edit"}"#).status == 400)
        #expect(post(#"{"id": "c1", "decision": "maybe"}"#).status == 400)
        let graph = try GraphFileReader.read(contentsOf: url, options: .init(verifyEvidence: false)).graph
        let r = Dictionary(uniqueKeysWithValues: graph.relations.map { ($0.id.rawValue, $0) })
        let c1 = try #require(r["c1"]?.notes)
        #expect(c1.hasPrefix("candidate; confidence 0.8; rule r1; sentence 2; status accepted; reviewer ana; reviewedAt "))
        #expect(c1.hasSuffix("; comment keep; this"))
        #expect(r["c2"]?.notes?.contains("status rejected") == true)
        #expect(r["c3"]?.type == .opposes && r["c3"]?.modality == .reported && r["c3"]?.source == "a" && r["c3"]?.target == "b")
        #expect(r["c3"]?.notes?.hasPrefix("candidate; status accepted; reviewedAt ") == true)
        let listed = try #require(try JSONSerialization.jsonObject(with: handler.handle(APIRequest(target: "/api/candidates")).body) as? [String: Any])
        let statuses = (listed["candidates"] as? [[String: Any]])?.map { $0["status"] as? String }
        #expect(statuses == ["accepted", "rejected", "accepted"])
        // No temporary files left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["candidates.yaml"])
    }

    @Test func concurrentDecisionsAreAllKept() async throws {
        let folder = try RepositoryPaths.temporaryFolder()
        let url = folder.appendingPathComponent("candidates.yaml")
        var text = "actors:\n  - {id: a, name: A, kind: group}\n  - {id: b, name: B, kind: group}\nrelations:\n"
        for i in 0..<20 { text += "  - {id: c\(i), source: a, target: b, type: supports, notes: \"candidate; confidence 0.5; rule r; status pending\"}\n" }
        try text.write(to: url, atomically: true, encoding: .utf8)
        let review = CandidateReview(url: url)
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                group.addTask { _ = try? review.apply(.init(id: "c\(i)", decision: i % 2 == 0 ? .accept : .reject)) }
            }
        }
        let list = try review.candidates().list
        #expect(list.filter { $0.status == .accepted }.count == 10 && list.filter { $0.status == .rejected }.count == 10)
    }
}
