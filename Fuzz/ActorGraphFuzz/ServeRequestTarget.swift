import ActorGraphCore
import ActorGraphFormats
import ActorGraphServer
import Foundation

/// The `serve-request` target: the bytes are one HTTP request as the server's router sees it,
/// `METHOD TARGET` on the first line and the body after it, answered in process (no socket; the
/// HTTP framing itself is SwiftNIO's, fuzzed upstream).
///
/// The server shows the graph `ACTORGRAPH_FUZZ_DICTIONARY` names (scripts/fuzz: the seed graph,
/// whose documents are served by `/api/document`) and reviews a copy of the candidates file
/// `ACTORGRAPH_FUZZ_CANDIDATES` names, so `POST /api/candidates/decision` writes real files.
/// Beyond not crashing, every answer must be well formed: a status the API documents, never
/// 500 (an input the server cannot answer is the client's error, 4xx), and a JSON body that
/// parses whenever the content type says JSON.
enum ServeRequestTarget {
    static func run(_ bytes: [UInt8]) {
        guard let handler else { return }
        let request = parse(bytes)
        let response = handler.handle(request)
        let documented: Set<Int> = [200, 400, 404, 405, 413, 414]
        if !documented.contains(response.status) {
            fatalError("\(request.method) \(request.target): status \(response.status): \(response.text.prefix(300))")
        }
        if response.contentType.hasPrefix("application/json"),
           (try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])) == nil {
            fatalError("\(request.method) \(request.target): the JSON answer does not parse: \(response.text.prefix(300))")
        }
    }

    /// `METHOD TARGET[ HTTP/1.1]\n` then the body; a first line without a space is a GET of it.
    static func parse(_ bytes: [UInt8]) -> APIRequest {
        let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let line = String(decoding: bytes[..<newline], as: UTF8.self)
        let body = newline < bytes.endIndex ? Data(bytes[(newline + 1)...]) : Data()
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        if words.count >= 2 { return APIRequest(method: String(words[0]), target: String(words[1]), body: body) }
        return APIRequest(method: "GET", target: line, body: body)
    }

    static let handler: APIHandler? = {
        let environment = ProcessInfo.processInfo.environment
        guard let graphPath = environment["ACTORGRAPH_FUZZ_DICTIONARY"],
              let store = try? GraphStore(url: URL(fileURLWithPath: graphPath), verifyEvidence: false) else {
            FileHandle.standardError.write(Data("serve-request: set ACTORGRAPH_FUZZ_DICTIONARY to a graph file\n".utf8))
            exit(64)
        }
        var review: CandidateReview?
        if let candidates = environment["ACTORGRAPH_FUZZ_CANDIDATES"] {
            // A copy beside the fuzzer's scratch files: decisions rewrite it.
            let copy = FuzzTargets.scratch + "/candidates.yaml"
            try? FileManager.default.removeItem(atPath: copy)
            if (try? FileManager.default.copyItem(atPath: candidates, toPath: copy)) != nil {
                review = CandidateReview(url: URL(fileURLWithPath: copy))
            }
        }
        return APIHandler(store: store, review: review)
    }()
}
