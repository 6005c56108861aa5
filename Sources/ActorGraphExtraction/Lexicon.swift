import ActorGraphCore
import Foundation

/// The trigger lexicon and cue lists that drive extraction, read from a plain-text data file
/// (Resources/lexicon.txt; format in its header and in docs/EXTRACTION.md).
public struct Lexicon: Sendable {
    /// How a trigger is used in a sentence.
    public enum Form: String, Sendable {
        case verb, noun, place
        /// A fixed predicative phrase, not inflected, read like an active verb: "Y, loyal to X".
        case adjective = "adj"
        /// A relational noun that names one actor by another: "X's proxy Y", "Y, an ally of X".
        case role
    }

    /// One trigger: a word or phrase with the relation type it signals.
    public struct Trigger: Sendable {
        public var type: RelationType
        public var form: Form
        /// The folded words of the phrase as written in the file (the first inflected for verbs).
        public var words: [String]
        /// Source and target swap ("X visited Y" → Y hosts X).
        public var reverse: Bool
        /// Both directions ("X's ally Y": each supports the other); role triggers only.
        public var mutual: Bool = false
        /// The file's line, for messages and the candidate's rule.
        public var line: Int
    }

    /// One way a trigger can appear: its folded word sequence and whether it is a participle.
    struct Variant: Sendable {
        var trigger: Int
        var words: [String]
        var isParticiple: Bool
        var isBase: Bool
        /// "clashed" from "clash with": only with a coordinated subject ("X and Y clashed").
        var reciprocalOnly = false
    }

    public private(set) var triggers: [Trigger] = []
    /// Variants by their first word.
    var variants: [String: [Variant]] = [:]
    /// Cue phrases (folded word sequences) by section name.
    public private(set) var cues: [String: [[String]]] = [:]
    /// Keyed entries with values: organisation heads → kind, anaphora → kinds.
    public private(set) var organizationHeads: [String: ActorKind] = [:]
    public private(set) var anaphora: [[String]: [ActorKind]] = [:]

    /// A data file that could not be read: the line and the problem.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    static let triggerSections: [String: RelationType] = [
        "supports": .supports, "meets": .meets, "opposes": .opposes, "hosts": .hosts,
    ]
    static let cueSections: Set<String> = [
        "denied", "possible", "reported", "negation", "reversal", "government-nouns", "person-titles", "agent-nouns", "actor-assets", "armed-assets",
        "characterising-verbs", "friend-nouns", "foe-nouns",
    ]

    /// Parses lexicon text. `file` names it in errors.
    public init(text: String, file: String = "lexicon.txt") throws {
        var section: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                let name = String(trimmed.dropFirst().dropLast())
                guard Self.triggerSections[name] != nil || Self.cueSections.contains(name)
                        || name == "organization-heads" || name == "anaphora" else {
                    throw FormatError(file: file, line: lineNumber, message: "unknown section [\(name)]")
                }
                section = name
                continue
            }
            guard let section else {
                throw FormatError(file: file, line: lineNumber, message: "entry before the first [section]")
            }
            if let type = Self.triggerSections[section] {
                try addTrigger(trimmed, type: type, line: lineNumber, file: file)
            } else if section == "organization-heads" || section == "anaphora" {
                let sides = trimmed.split(separator: "=", maxSplits: 1).map { $0.split(separator: " ").map(String.init) }
                let phrase = sides.first ?? []
                let kinds = sides.count == 2 ? sides[1].compactMap { ActorKind(rawValue: $0) } : []
                guard sides.count == 2, !phrase.isEmpty, !kinds.isEmpty, kinds.count == sides[1].count else {
                    throw FormatError(file: file, line: lineNumber,
                                      message: "expected 'words = kinds' with kinds among \(ActorKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let key = phrase.map(Token.fold)
                if section == "anaphora" { anaphora[key] = kinds } else { organizationHeads[key.joined(separator: " ")] = kinds[0] }
            } else {
                cues[section, default: []].append(Token.words(trimmed))
            }
        }
    }

    private mutating func addTrigger(_ text: String, type: RelationType, line: Int, file: String) throws {
        var parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        var words = parts[0].split(separator: " ").map(String.init)
        var irregular: [String] = []
        var reverse = false
        var mutual = false
        if parts.count > 1 {
            var extra = parts[1].split(separator: " ").map(String.init)
            while let flag = extra.last, flag == "reverse" || flag == "mutual" {
                if flag == "reverse" { reverse = true } else { mutual = true }
                extra.removeLast()
            }
            irregular = extra.map(Token.fold)
            parts.removeLast()
        }
        while let flag = words.last, flag == "reverse" || flag == "mutual" {
            if flag == "reverse" { reverse = true } else { mutual = true }
            words.removeLast()
        }
        guard words.count >= 2, let form = Form(rawValue: words[0]) else {
            throw FormatError(file: file, line: line, message: "expected 'verb …', 'noun …', 'adj …', 'role …' or 'place …'")
        }
        if mutual && form == .place {
            throw FormatError(file: file, line: line, message: "'mutual' does not apply to 'place' triggers")
        }
        if form == .place && type != .hosts {
            throw FormatError(file: file, line: line, message: "'place' triggers belong in [hosts]")
        }
        let phrase = words.dropFirst().map(Token.fold)
        let index = triggers.count
        triggers.append(Trigger(type: type, form: form, words: phrase, reverse: reverse, mutual: mutual, line: line))
        let head = phrase[0], rest = Array(phrase.dropFirst())
        var forms: [(String, Bool, Bool)] = []
        switch form {
        case .verb:
            let inflections = Inflection.verb(head)
            forms = [(head, false, true), (inflections.third, false, false), (inflections.ing, false, false),
                     (inflections.past, true, false)]
            forms += irregular.map { ($0, true, false) }
            // Final consonant doubled or not ("kidnapped", "targeted"): both spellings.
            if let doubled = inflections.doubledPast {
                forms += [(doubled, true, false), (String(doubled.dropLast(2)) + "ing", false, false)]
            }
        case .noun, .role:
            forms = [(head, false, true)]
            forms.append((Inflection.plural(head), false, false))
        case .adjective:
            forms = [(head, false, true)]
        case .place:
            forms = [(head, false, true), (Inflection.plural(head), false, false)]
        }
        var seen = Set<String>()
        for (word, participle, base) in forms where seen.insert(word).inserted || participle {
            variants[word, default: []].append(Variant(trigger: index, words: [word] + rest,
                                                       isParticiple: participle, isBase: base))
            // "clash with" → "X and Y clashed"; "sign an agreement with" → "X and Y signed an agreement".
            if form == .verb && rest.last == "with" {
                variants[word, default: []].append(Variant(trigger: index, words: [word] + rest.dropLast(), isParticiple: participle,
                                                           isBase: base, reciprocalOnly: true))
            }
        }
    }

    /// The lexicon bundled with ActorGraph (Resources/lexicon.txt).
    public static func bundled() throws -> Lexicon {
        try Lexicon(text: try BundledData.text("lexicon.txt"), file: "lexicon.txt")
    }

    /// Reads a lexicon file.
    public static func load(contentsOf url: URL) throws -> Lexicon {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FormatError(file: url.relativePath, line: 0, message: "cannot read file")
        }
        return try Lexicon(text: String(decoding: data, as: UTF8.self), file: url.relativePath)
    }

    func cueList(_ section: String) -> [[String]] { cues[section] ?? [] }
}

/// Regular English inflection, for lexicon lemmas.
enum Inflection {
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static func verb(_ lemma: String) -> (third: String, ing: String, past: String, doubledPast: String?) {
        let chars = Array(lemma)
        guard let last = chars.last else { return (lemma, lemma, lemma, nil) }
        let third: String
        if lemma.hasSuffix("s") || lemma.hasSuffix("x") || lemma.hasSuffix("z") || lemma.hasSuffix("ch")
            || lemma.hasSuffix("sh") || lemma.hasSuffix("o") {
            third = lemma + "es"
        } else if last == "y", chars.count > 1, !vowels.contains(chars[chars.count - 2]) {
            third = String(chars.dropLast()) + "ies"
        } else {
            third = lemma + "s"
        }
        let doubles = chars.count <= 4 && chars.count >= 3 && !vowels.contains(last) && !"wxy".contains(last)
            && vowels.contains(chars[chars.count - 2]) && !vowels.contains(chars[chars.count - 3])
        let past: String, ing: String
        if lemma.hasSuffix("e") {
            past = lemma + "d"
            ing = lemma.hasSuffix("ee") ? lemma + "ing" : String(chars.dropLast()) + "ing"
        } else if last == "y", chars.count > 1, !vowels.contains(chars[chars.count - 2]) {
            past = String(chars.dropLast()) + "ied"
            ing = lemma + "ing"
        } else if doubles {
            past = lemma + String(last) + "ed"
            ing = lemma + String(last) + "ing"
        } else {
            past = lemma + "ed"
            ing = lemma + "ing"
        }
        // Longer words ending consonant-vowel-consonant double when the last syllable is
        // stressed ("kidnap" → "kidnapped", "patrol" → "patrolled"); offer that spelling too.
        var doubledPast: String?
        if !doubles, chars.count > 4, !vowels.contains(last), !"wxy".contains(last), vowels.contains(chars[chars.count - 2]),
           !vowels.contains(chars[chars.count - 3]) {
            doubledPast = lemma + String(last) + "ed"
        }
        return (third, ing, past, doubledPast)
    }

    static func plural(_ noun: String) -> String {
        if noun.hasSuffix("s") { return noun }
        return verb(noun).third
    }
}

/// Data files shipped in the target's Resources folder, found without `Bundle.module`'s
/// fatal error when the bundle is missing (a binary copied elsewhere): then set
/// ACTORGRAPH_DATA to a folder holding the files, or pass them explicitly.
public enum BundledData {
    public struct Missing: Error, CustomStringConvertible, Sendable {
        public var name: String
        public var description: String {
            "error: cannot find the bundled data file \(name); set ACTORGRAPH_DATA to the folder "
                + "Sources/ActorGraphExtraction/Resources or pass the file explicitly"
        }
    }

    static let bundleName = "ActorGraph_ActorGraphExtraction.resources"

    /// Folders searched, in order.
    static func folders() -> [URL] {
        var result: [URL] = []
        if let env = ProcessInfo.processInfo.environment["ACTORGRAPH_DATA"] {
            result.append(URL(fileURLWithPath: env, isDirectory: true))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<3 {
            result.append(folder.appendingPathComponent(bundleName).appendingPathComponent("Resources"))
            result.append(folder.appendingPathComponent(bundleName))
            folder.deleteLastPathComponent()
        }
        result.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("Resources"))
        // The source tree, for tests and `swift run` from the repository.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")
        result.append(source)
        return result
    }

    /// The text of a bundled data file.
    public static func text(_ name: String) throws -> String {
        for folder in folders() {
            let url = folder.appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: url.path) {
                return String(decoding: data, as: UTF8.self)
            }
        }
        throw Missing(name: name)
    }

    /// Where a bundled data file was found, if anywhere.
    public static func url(_ name: String) -> URL? {
        folders().map { $0.appendingPathComponent(name) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
