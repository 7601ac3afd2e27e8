package cn.edu.cashl.hub.sru.query;

/** How an SRU index searches, which decides the relations it supports (docs/sru.md). */
public enum IndexKind {
    /** Words of a text field (=, adj, all, any) and whole folded values of its key field (==, exact, <, >, <=, >=, <>). */
    TEXT,
    /** Words of a text field only: the whole-record indexes. */
    WORDS,
    /** Whole coded values, compared after folding (=, ==, exact, any, all, <>). */
    CODE,
    /** ISBNs, compared as ISBN-13s. */
    ISBN,
    /** ISSNs, compared as NNNN-NNNC. */
    ISSN,
    /** An integer (=, ==, exact, <, >, <=, >=, <>, within, any). */
    NUMBER,
    /** An ISO 8601 date or time, compared as the period it names. */
    DATE,
    /** Relevance-ranked search over title, creator, subject and identifiers. */
    SERVER_CHOICE,
    /** Every record, whatever the term. */
    ALL_RECORDS,
    /** The records of an earlier result set. */
    RESULT_SET
}
