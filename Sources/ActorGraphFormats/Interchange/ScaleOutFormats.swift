import ActorGraphCore

/// Files for a graph database or a cluster: Neo4j's bulk importer and Apache Spark GraphFrames.
public enum ScaleOutFormats {
    /// A file to write into the output folder.
    public struct File: Sendable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// Neo4j's array delimiter here: the ASCII unit separator, which no name or quote needs (it
    /// is removed from values).
    static let arrayDelimiter = "\u{1F}"

    /// `neo4j-admin database import full` input: `actors.csv` (`actorId:ID(Actor)`, `name`,
    /// `kind`, `aliases:string[]`, …, `:LABEL` = `Actor` and the kind), `relations.csv`
    /// (`:START_ID(Actor)`, `:END_ID(Actor)`, `:TYPE` = SUPPORTS|MEETS|OPPOSES|HOSTS, the relation
    /// fields, `start:date`/`end:date` day bounds, `weight:double`, `quotes:string[]`,
    /// `documents:string[]`) and `import.sh` with the command.
    public static func neo4j(for graph: ActorGraph) -> [File] {
        let g = graph.canonicalized()
        func clean(_ s: String) -> String { s.replacingOccurrences(of: arrayDelimiter, with: "") }
        func array(_ items: [String]) -> String { items.map(clean).joined(separator: arrayDelimiter) }
        let actors = g.actors.map { a -> [String] in
            let members = ModelFields.actor(a).first { $0.0 == "memberOf" }?.1.compactJSON ?? ""
            return [clean(a.id.rawValue), clean(a.name), a.kind.rawValue, array(a.aliases), a.country ?? "",
                    clean(a.wikidata ?? ""), clean(members), clean(a.notes ?? ""), array(["Actor", a.kind.rawValue.capitalized])]
        }
        let relations = g.relations.map { r -> [String] in
            let time = ModelFields.interval(r)
            return [r.source.rawValue, r.target.rawValue, r.type.rawValue.uppercased(), r.id.rawValue, r.type.rawValue,
                    r.label ?? "", r.date?.description ?? "", r.until?.description ?? "", time?.start ?? "", time?.end ?? "",
                    r.modality.rawValue, r.weight.map(formatNumber) ?? ""].map(clean)
                + [array(r.evidence.map(\.quote)), array(r.evidence.map(\.document.rawValue)), clean(r.notes ?? "")]
        }
        let script = """
            #!/bin/sh
            # Loads actors.csv and relations.csv into a new (or stopped) Neo4j 5 database, default "neo4j".
            # Arrays are separated by U+001F; quoted fields may span lines.
            cd "$(dirname "$0")"
            neo4j-admin database import full --nodes=actors.csv --relationships=relations.csv \\
              --array-delimiter=U+001F --multiline-fields=true --overwrite-destination=false "${1:-neo4j}"

            """
        return [
            File(name: "actors.csv", text: CSVTable.write(
                header: ["actorId:ID(Actor)", "name", "kind", "aliases:string[]", "country", "wikidata", "memberOf",
                         "notes", ":LABEL"], rows: actors)),
            File(name: "relations.csv", text: CSVTable.write(
                header: [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "id", "type", "label", "date", "until",
                         "start:date", "end:date", "modality", "weight:double", "quotes:string[]", "documents:string[]",
                         "notes"], rows: relations)),
            File(name: "import.sh", text: script),
        ]
    }

    /// GraphFrames input: `vertices.csv` (`id`, the actor fields, lists as JSON), `edges.csv`
    /// (`src`, `dst`, the relation fields) and `load_graphframes.py`, which loads both with
    /// PySpark and builds a GraphFrame when the graphframes package is there (plain DataFrames
    /// otherwise).
    public static func graphFrames(for graph: ActorGraph) -> [File] {
        let g = graph.canonicalized()
        func cells(_ fields: ModelFields.Fields, _ keys: [String]) -> [String] {
            keys.map { key in fields.first { $0.0 == key }.map { $0.1.plainText } ?? "" }
        }
        let vertices = g.actors.map { [$0.id.rawValue] + cells(ModelFields.actor($0), ModelFields.actorKeys) }
        let edges = g.relations.map { r in
            [r.source.rawValue, r.target.rawValue, r.id.rawValue] + cells(ModelFields.relation(r), ModelFields.relationKeys)
        }
        let script = """
            # Loads vertices.csv and edges.csv (written by `actorgraph export --format graphframes`) into
            # Spark. Run: python load_graphframes.py [folder]  (needs pyspark and Java 17).
            import os, sys
            from pyspark.sql import SparkSession

            folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
            spark = SparkSession.builder.appName("actorgraph").getOrCreate()
            read = lambda name: spark.read.csv(os.path.join(folder, name), header=True, multiLine=True,
                                               escape='"', inferSchema=False)
            vertices, edges = read("vertices.csv"), read("edges.csv")
            edges = edges.withColumn("weight", edges["weight"].cast("double"))
            try:
                from graphframes import GraphFrame  # needs the graphframes JAR (spark.jars.packages)
                g = GraphFrame(vertices, edges)
                print("GraphFrame:", g.vertices.count(), "vertices,", g.edges.count(), "edges")
                g.inDegrees.orderBy("inDegree", ascending=False).show(5)
            except Exception as error:  # no JAR offline: the same data as plain DataFrames
                print("graphframes unavailable (%s); plain DataFrames:" % type(error).__name__)
                print(vertices.count(), "vertices,", edges.count(), "edges")
                edges.groupBy("type").count().orderBy("type").show()

            """
        return [
            File(name: "vertices.csv", text: CSVTable.write(header: ["id"] + ModelFields.actorKeys, rows: vertices)),
            File(name: "edges.csv", text: CSVTable.write(header: ["src", "dst", "id"] + ModelFields.relationKeys, rows: edges)),
            File(name: "load_graphframes.py", text: script),
        ]
    }
}
