import ActorGraphCore
import Foundation

/// A gold relation for scoring.
public struct GoldRelation: Sendable, Hashable {
    public var document: DocumentID
    public var source: ActorID
    public var target: ActorID
    public var type: RelationType
    public var modality: Modality

    public init(document: DocumentID, source: ActorID, target: ActorID, type: RelationType, modality: Modality) {
        self.document = document
        self.source = source
        self.target = target
        self.type = type
        self.modality = modality
    }
}

/// Scores candidates against gold: a match is the same document, type and ordered pair
/// (unordered for `meets`). Candidates touching an actor outside `known` are left out.
public struct EvaluationReport: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    public var byType: [RelationType: Counts] = [:]
    public var total = Counts()
    /// False positives whose reverse is a gold relation of the same type.
    public var directionErrors = 0
    public var modalityMatched = 0
    public var modalityCorrect = 0
    /// Gold relations with no asserted reading, found; and of those, output as asserted.
    public var hedgedFound = 0
    public var hedgedAsAsserted = 0
    public var hedgedGold = 0
    /// Candidates left out because an endpoint is a proposed actor.
    public var outsideDictionary = 0
    /// Examples for the report: (kind, text).
    public var falsePositiveKeys: [String] = []
    public var falseNegativeKeys: [String] = []
    public var modalityErrors: [String] = []

    public var modalityAccuracy: Double { ratio(modalityCorrect, modalityMatched) }
    public var hedgedAssertedShare: Double { ratio(hedgedAsAsserted, hedgedFound) }

    public init() {}

    static func key(_ d: DocumentID, _ t: RelationType, _ s: ActorID, _ o: ActorID) -> String {
        let (a, b) = t.isSymmetric && o < s ? (o, s) : (s, o)
        return "\(d.rawValue) \(a.rawValue) \(t.rawValue) \(b.rawValue)"
    }

    /// Scores `candidates` against `gold`.
    public static func score(candidates: [Candidate], gold: [GoldRelation], known: Set<ActorID>) -> EvaluationReport {
        var report = EvaluationReport()
        var predicted: [String: (Candidate, RelationType)] = [:]
        for c in candidates {
            guard known.contains(c.source), known.contains(c.target) else { report.outsideDictionary += 1; continue }
            let k = key(c.document, c.type, c.source, c.target)
            if let old = predicted[k], old.0.confidence >= c.confidence { continue }
            predicted[k] = (c, c.type)
        }
        var goldModalities: [String: Set<Modality>] = [:]
        var goldTypes: [String: RelationType] = [:]
        for g in gold {
            let k = key(g.document, g.type, g.source, g.target)
            goldModalities[k, default: []].insert(g.modality)
            goldTypes[k] = g.type
        }
        for type in RelationType.allCases { report.byType[type] = Counts() }
        for (k, (c, type)) in predicted.sorted(by: { $0.key < $1.key }) {
            if let modalities = goldModalities[k] {
                report.byType[type]!.truePositives += 1
                report.modalityMatched += 1
                if modalities.contains(c.modality) { report.modalityCorrect += 1 }
                else { report.modalityErrors.append("\(k): \(c.modality.rawValue), gold \(modalities.map(\.rawValue).sorted().joined(separator: "/"))") }
                if !modalities.contains(.asserted) {
                    report.hedgedFound += 1
                    if c.modality == .asserted { report.hedgedAsAsserted += 1 }
                }
            } else {
                report.byType[type]!.falsePositives += 1
                if !type.isSymmetric, goldModalities[key(c.document, type, c.target, c.source)] != nil {
                    report.directionErrors += 1
                }
                report.falsePositiveKeys.append("\(k)  [\(c.rule)] \(c.label)")
            }
        }
        for (k, modalities) in goldModalities.sorted(by: { $0.key < $1.key }) {
            if !modalities.contains(.asserted) { report.hedgedGold += 1 }
            if predicted[k] == nil {
                report.byType[goldTypes[k]!]!.falseNegatives += 1
                report.falseNegativeKeys.append(k)
            }
        }
        for counts in report.byType.values {
            report.total.truePositives += counts.truePositives
            report.total.falsePositives += counts.falsePositives
            report.total.falseNegatives += counts.falseNegatives
        }
        return report
    }

    /// The figures as a table.
    public var table: String {
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        var out = "type       P     R     F1    TP  FP  FN\n"
        for type in RelationType.allCases {
            let c = byType[type] ?? Counts()
            out += type.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                + "  \(f(c.precision))  \(f(c.recall))  \(f(c.f1))  "
                + String(format: "%3d %3d %3d", c.truePositives, c.falsePositives, c.falseNegatives) + "\n"
        }
        out += "all        \(f(total.precision))  \(f(total.recall))  \(f(total.f1))  "
            + String(format: "%3d %3d %3d", total.truePositives, total.falsePositives, total.falseNegatives) + "\n"
        out += "direction errors: \(directionErrors) of \(total.falsePositives) false positives\n"
        out += "modality right on matched: \(modalityCorrect)/\(modalityMatched) = \(f(modalityAccuracy))\n"
        out += "hedged gold (reported/possible/denied) output as asserted: \(hedgedAsAsserted)/\(hedgedFound) found"
            + " = \(f(hedgedAssertedShare)) (\(hedgedGold) hedged gold relations in all)\n"
        out += "candidates touching proposed actors (not scored): \(outsideDictionary)\n"
        return out
    }
}

func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
