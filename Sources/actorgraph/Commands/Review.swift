import ActorGraphCore
import ActorGraphExtraction
import ActorGraphFormats
import ArgumentParser
import Foundation

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Accept, reject or correct the candidates of a candidates file, one at a time.",
        discussion: """
            Shows each pending candidate with its sentence and reads one command per line from \
            standard input: a accept, r reject, t type, d swap direction, m modality, c comment, \
            s (or an empty line) skip, q quit, ? help. Every decision and edit is saved to the file \
            at once (atomically), with reviewer and time, so review can stop and resume. \
            --accept-above and --reject-below decide without asking (for scripts).
            """)

    @Argument(help: "The candidates file (from `actorgraph extract`).")
    var file: String

    @Option(help: "Your name, stored with each decision (default: $USER).")
    var reviewer: String?

    @Option(help: "Accept every pending candidate with at least this confidence, without asking.")
    var acceptAbove: Double?

    @Option(help: "Reject every pending candidate below this confidence, without asking.")
    var rejectBelow: Double?

    @Flag(help: "Also show candidates already accepted or rejected.")
    var all = false

    func validate() throws {
        guard syntax(forPath: file) != nil else { throw ValidationError("the candidates file must end in .yaml, .yml or .json") }
    }

    var reviewerName: String {
        reviewer ?? ProcessInfo.processInfo.environment["USER"] ?? "reviewer"
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    func run() throws {
        var graph = try loadGraph(file).graph
        let url = URL(fileURLWithPath: file)
        let fileSyntax = syntax(forPath: file) ?? .yaml
        func save() throws {
            try AtomicFile.write(GraphFileWriter.text(for: graph, syntax: fileSyntax), to: url)
        }
        graph.relations.sort { $0.id < $1.id }
        let indices = graph.relations.indices.filter { CandidateInfo(notes: graph.relations[$0].notes) != nil }
        if acceptAbove != nil || rejectBelow != nil {
            var accepted = 0, rejected = 0
            let time = Self.now()
            for i in indices {
                guard var info = CandidateInfo(notes: graph.relations[i].notes), info.status == .pending else { continue }
                if let a = acceptAbove, info.confidence >= a { info.status = .accepted; accepted += 1 }
                else if let r = rejectBelow, info.confidence < r { info.status = .rejected; rejected += 1 }
                else { continue }
                info.reviewer = reviewerName
                info.reviewedAt = time
                graph.relations[i].notes = info.notes
            }
            try save()
            printError("accepted \(accepted), rejected \(rejected); \(summary(graph))")
            return
        }
        let names = Dictionary(graph.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let shown = indices.filter { all || CandidateInfo(notes: graph.relations[$0].notes)?.status == .pending }
        if shown.isEmpty { print("nothing to review: \(summary(graph))"); return }
        var position = 0
        loop: while position < shown.count {
            let i = shown[position]
            let r = graph.relations[i]
            guard var info = CandidateInfo(notes: r.notes) else { position += 1; continue }
            let arrow = r.type.isSymmetric ? "—\(r.type.rawValue)—" : "—\(r.type.rawValue)→"
            print("")
            print("[\(position + 1)/\(shown.count)] \(r.id)  confidence \(formatNumber(info.confidence))  rule \(info.rule)  status \(info.status.rawValue)")
            print("  \(names[r.source] ?? r.source.rawValue) (\(r.source)) \(arrow) \(names[r.target] ?? r.target.rawValue) (\(r.target))")
            print("  modality \(r.modality.rawValue)  date \(r.date?.description ?? "none")  trigger \"\(r.label ?? "")\"")
            for e in r.evidence { print("  \(e.document): \"\(TextFolding.singleLine(e.quote))\"") }
            if let comment = info.comment { print("  comment: \(comment)") }
            print("a accept · r reject · t type · d direction · m modality · c comment · s skip · q quit > ", terminator: "")
            fflush(nil)
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else { break }
            func stamp() {
                info.reviewer = reviewerName
                info.reviewedAt = Self.now()
                graph.relations[i].notes = info.notes
            }
            func ask(_ prompt: String) -> String? {
                print(prompt, terminator: "")
                fflush(nil)
                return readLine()?.trimmingCharacters(in: .whitespaces)
            }
            switch line.lowercased() {
            case "a", "accept":
                info.status = .accepted; stamp(); try save(); position += 1
            case "r", "x", "reject":
                info.status = .rejected; stamp(); try save(); position += 1
            case "", "s", "skip":
                position += 1
            case "q", "quit":
                break loop
            case "d", "direction":
                graph.relations[i].source = r.target
                graph.relations[i].target = r.source
                stamp(); try save()
            case "t", "type":
                guard let answer = ask("type (supports, meets, opposes, hosts) > ") else { break loop }
                if let type = RelationType.allCases.first(where: { $0.rawValue == answer || (!answer.isEmpty && $0.rawValue.hasPrefix(answer)) }) {
                    graph.relations[i].type = type; stamp(); try save()
                } else { print("unknown type '\(answer)'") }
            case "m", "modality":
                guard let answer = ask("modality (asserted, reported, possible, denied) > ") else { break loop }
                if let m = Modality.allCases.first(where: { $0.rawValue == answer || (!answer.isEmpty && $0.rawValue.hasPrefix(answer)) }) {
                    graph.relations[i].modality = m; stamp(); try save()
                } else { print("unknown modality '\(answer)'") }
            case "c", "comment":
                guard let answer = ask("comment > ") else { break loop }
                info.comment = answer.isEmpty ? nil : answer; stamp(); try save()
            default:
                print("a accept, r reject, t change type, d swap source and target, m change modality, c comment, s skip, q quit")
            }
        }
        print("")
        print(summary(graph))
    }

    func summary(_ graph: ActorGraph) -> String {
        var counts: [CandidateStatus: Int] = [:]
        for r in graph.relations { if let info = CandidateInfo(notes: r.notes) { counts[info.status, default: 0] += 1 } }
        return CandidateStatus.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }
}
