import ActorGraphCore
import Foundation

/// The one place answers become text, CSV and JSON: what the command line prints, available to
/// any program built on the library.
public enum AnswerOutput {
    /// Pretty-printed JSON with sorted keys (the shapes in docs/CLI.md), ending in a newline.
    /// Numbers are written in their shortest round-trip form.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return indented(try encoder.encode(value)) + "\n"
    }

    /// Compact JSON re-indented by two spaces, `"key": value`, empty containers kept as `[]` and
    /// `{}`; string contents are copied untouched. O(n).
    static func indented(_ compact: Data) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        let bytes = [UInt8](compact)
        var depth = 0, inString = false, escaped = false
        func newline() { out.append(10); out.append(contentsOf: repeatElement(32, count: 2 * depth)) }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == 92 { escaped = true } else if b == 34 { inString = false }
            } else {
                switch b {
                case 34: inString = true; out.append(b)
                case 123, 91:  // { [
                    out.append(b)
                    if i + 1 < bytes.count, bytes[i + 1] == b + 2 { out.append(b + 2); i += 1 }  // {} []
                    else { depth += 1; newline() }
                case 125, 93: depth -= 1; newline(); out.append(b)
                case 44: out.append(b); newline()
                case 58: out.append(b); out.append(32)
                default: out.append(b)
                }
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A number for CSV: integers without a fraction, others in their shortest round-trip form
    /// (reading the text back gives the same Double).
    public static func csvNumber(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }

    /// A number for tables: integers without a fraction, others to six decimals.
    static func tableNumber(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.6f", v)
    }

    /// "1 path", "2 paths".
    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

// MARK: centrality

extension CentralityReport {
    /// The ranking as an aligned table under a one-line header.
    public var text: String {
        var out = "\(actors) actors, \(edges) edges (\(mode.rawValue); \(filter); weights \(weights.rawValue))\n"
        let nameWidth = min(36, max(5, ranking.map(\.name.count).max() ?? 5))
        out += "rank  " + "actor".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        for m in measures { out += "  " + m.rawValue.rightAligned(12) }
        out += "\n"
        for row in ranking {
            out += String(row.rank).rightAligned(4) + "  "
                + String(row.name.prefix(nameWidth)).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            for v in row.scores { out += "  " + AnswerOutput.tableNumber(v).rightAligned(12) }
            out += "\n"
        }
        return out
    }

    /// The ranking as CSV (`rank,id,name,kind,<measure>…`), scores at full precision.
    public var csv: String {
        CSVTable.write(header: ["rank", "id", "name", "kind"] + measures.map(\.rawValue), rows: ranking.map { row in
            [String(row.rank), row.id.rawValue, row.name, row.kind.rawValue] + row.scores.map(AnswerOutput.csvNumber)
        })
    }
}

extension String {
    /// Right-aligned in a column of `width` characters (padded with spaces on the left).
    func rightAligned(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

// MARK: paths

extension PathAnswer {
    /// The conditions of the question in words: mode, filter, avoided actors.
    public var conditions: String {
        "\(mode.rawValue); \(filter)" + (avoid.isEmpty ? "" : "; avoiding " + avoid.map(\.rawValue).joined(separator: ", "))
    }

    /// The paths hop by hop, each relation on its line with its first quote; parallel relations
    /// of a hop on "or" lines.
    public func text(_ f: RelationFormatter) -> String {
        guard found else { return "no path from \(f.name(from)) to \(f.name(to)) (\(conditions))\n" }
        var out = "\(f.name(from)) to \(f.name(to)): \(AnswerOutput.plural(paths.count, "path")) (\(conditions))\n"
        for (n, p) in paths.enumerated() {
            let size = weighted ? "weight \(formatNumber(p.length))" : AnswerOutput.plural(Int(p.length), "hop")
            out += "path \(n + 1) (\(size)): " + p.actors.map(f.name).joined(separator: " → ") + "\n"
            for hop in p.hops {
                for (k, r) in hop.relations.enumerated() {
                    out += f.line(r, from: hop.from, indent: k == 0 ? "  " : "    or ") + "\n"
                }
            }
        }
        return out
    }
}

extension PathAnswer {
    /// Columns of ``csvRows``: one row per path found (a row with `status` "no path" otherwise).
    public static let csvHeader = ["from", "to", "status", "path", "length", "actors", "relations"]

    /// The answer as CSV rows: `actors` joined by `|`; `relations` lists each hop's relation ids
    /// joined by `+`, hops joined by `|`.
    public var csvRows: [[String]] {
        guard found else { return [[from.rawValue, to.rawValue, "no path", "", "", "", ""]] }
        return paths.enumerated().map { n, p in
            [from.rawValue, to.rawValue, "found", String(n + 1), AnswerOutput.csvNumber(p.length),
             p.actors.map(\.rawValue).joined(separator: "|"),
             p.hops.map { $0.relations.map(\.relation.id.rawValue).joined(separator: "+") }.joined(separator: "|")]
        }
    }
}

/// Many path questions and their answers, in the order asked: what `actorgraph path --pairs`
/// prints as JSON (`{pairs: [PathAnswer]}`).
public struct PathBatch: Sendable, Codable {
    public var pairs: [PathAnswer]
    public init(pairs: [PathAnswer]) { self.pairs = pairs }
}

// MARK: allies and balance

extension AlliesReport {
    /// Direct allies, adversaries and ambivalent ties, then two-step ones, each with its relations.
    public func text(_ f: RelationFormatter) -> String {
        var out = "\(f.name(actor)) (\(actor)): \(filter)\n"
        for (label, list) in [("allies", allies), ("adversaries", adversaries), ("ambivalent", ambivalent)] {
            out += "\(label) (\(list.count)):\n"
            for t in list {
                out += "  \(t.name)\n"
                for r in t.relations { out += f.line(r, from: actor, indent: "    ") + "\n" }
            }
        }
        for (label, list, why) in [
            ("allies", twoStepAllies, "friend of a friend, or enemy of an enemy"),
            ("adversaries", twoStepAdversaries, "friend of an enemy, or enemy of a friend"),
        ] {
            out += "two-step \(label) (\(list.count); \(why)):\n"
            for t in list {
                out += "  \(t.name) through \(f.name(t.through ?? actor))\n"
                for r in t.relations { out += f.line(r, from: actor, indent: "    ") + "\n" }
                for r in t.secondStep { out += f.line(r, from: t.through, indent: "    ") + "\n" }
            }
        }
        return out
    }
}

extension BalanceReport {
    /// The census, the unbalanced triangles and ambivalent pairs with their evidence, and the
    /// two camps with the ties they violate.
    public func text(_ f: RelationFormatter) -> String {
        func names(_ ids: [ActorID], _ separator: String = " · ") -> String { ids.map(f.name).joined(separator: separator) }
        func lines(_ relations: [CitedRelation]) -> String { relations.map { f.line($0, indent: "    ") + "\n" }.joined() }
        var out = "signed pairs: \(signedPairs) (\(filter); supports/hosts +, opposes −\(meetsPositive ? ", meets +" : ""))\n"
        out += "triangles: \(census.total)   "
            + Census.patterns.map { "\($0) \(census[$0])" }.joined(separator: " · ") + "\n"
        if census.total > 0 {
            out += String(format: "balanced: %d of %d (%.1f%%)\n", census.balanced, census.total,
                          100 * Double(census.balanced) / Double(census.total))
        }
        out += "unbalanced triangles (\(unbalanced.count)):\n"
        for t in unbalanced { out += "  \(t.pattern)  \(names(t.actors))\n" + lines(t.relations) }
        out += "ambivalent pairs (\(ambivalent.count); both positive and negative evidence, left out of the census and the split):\n"
        for p in ambivalent { out += "  \(names(p.actors))\n" + lines(p.relations) }
        out += "two camps (\(split.method)): \(AnswerOutput.plural(split.violations.count, "tie")) violated\n"
        for (k, camp) in split.camps.enumerated() { out += "  camp \(k + 1): \(names(camp, ", "))\n" }
        for p in split.violations {
            out += "  violated (\(p.sign > 0 ? "positive across camps" : "negative inside a camp")): \(names(p.actors))\n"
                + lines(p.relations)
        }
        return out
    }
}

// MARK: communities

/// Communities with the view's components and cores: what `actorgraph communities` prints.
public struct CommunitiesReport: Sendable, Encodable {
    public var communities: Communities
    public var components: Components

    public init(communities: Communities, components: Components) {
        self.communities = communities
        self.components = components
    }

    /// One JSON object: the keys of ``Communities`` and of ``Components`` side by side.
    public func encode(to encoder: Encoder) throws {
        try communities.encode(to: encoder)
        try components.encode(to: encoder)
    }

    public func text(_ f: RelationFormatter) -> String {
        let c = communities
        var out = String(format: "%d communities, modularity %.4f (Louvain, seed %llu, resolution %g; undirected view; %@)\n",
                         c.communities.count, c.modularity, c.seed, c.resolution, c.filter)
        for (k, group) in c.communities.enumerated() {
            out += "  \(k + 1). (\(group.count)) " + group.map(f.name).joined(separator: ", ") + "\n"
        }
        out += "weak components: \(components.weak.count) (largest \(components.weak.first?.count ?? 0)); "
            + "strong components: \(components.strong.count) (largest \(components.strong.first?.count ?? 0))\n"
        let core = components.innermostCore
        out += "\(core.k)-core (the innermost): " + core.actors.map(f.name).joined(separator: ", ") + "\n"
        return out
    }
}
