<?xml version="1.0" encoding="UTF-8"?>
<!--
  arxiv-to-cashl: an arXiv e-print as arXiv's OAI-PMH interface gives it, in either of its own
  formats, to a canonical CASHL record of type article (the schema's types are book, journal, article,
  ebook, ejournal and other: a preprint is an article that has not, or not yet, appeared in a journal).

  Input: one of
  - arXiv (metadataPrefix arXiv, namespace http://arxiv.org/OAI/arXiv/): id, created, updated,
    authors/author (keyname, forenames, suffix, affiliation*), title, categories, comments, proxy,
    report-no, msc-class, acm-class, journal-ref, doi, license, abstract;
  - arXivRaw (metadataPrefix arXivRaw, namespace http://arxiv.org/OAI/arXivRaw/): id, submitter,
    version* (date, size, source_type), title, authors as one string, categories, comments, proxy,
    report-no, msc-class, acm-class, journal-ref, doi, license, abstract.
  Both are also read without their namespace (some harvesters and copies drop it).

  Parameters (all strings, always passed, possibly empty): source, record-id, harvested-at, crosswalk,
  source-identifier, source-datestamp.

  Mapping:
  - title and abstract as arXiv writes them (TeX included: "$\nsubseteq$" is TeX, not a line break),
    white space normalised.
  - contributors, all authors (role aut), in their order. arXiv: "keyname, forenames, suffix", each
    affiliation element; a keyname without forenames that names a collaboration, group, team or
    consortium is an organisation. arXivRaw: the authors string split at commas and "and" outside
    parentheses, each name as written (arXiv does not invert names); an author's parenthesis is its
    affiliation, or the numbers of the affiliations listed at the end as "((1) ..., (2) ...)".
  - identifiers: the DOI when there is one (the first of several); the OAI identifier as a local
    number. The arXiv id itself is the holding's: every e-print is held online by the source, open
    access, at https://arxiv.org/abs/ID (local id: the arXiv id).
  - publication: the year and date of the first version (arXiv created; arXivRaw version v1, else
    the first version). No publisher: arXiv distributes, it does not publish.
  - isPartOf: journal-ref is the author's free-text citation of the journal version ("Appl. Comput.
    Harmon. Anal., 34:96-116, 2013"). With a DOI it is left out: the DOI names the journal version,
    whose publisher's record (found by the same DOI) brings the journal as data, and a citation must
    not stand in for a journal title in the merged record. Without a DOI it is the only trace of the
    journal version, and becomes isPartOf/title as written, unparsed (citation styles vary too much
    for volume, issue and pages to be split off safely).
  - classification: each of the categories (cs.DL, math.CO, q-fin.GN, ...) with scheme arxiv, each
    MSC code of msc-class with scheme msc, each ACM class of acm-class with scheme acm, so that the
    subject rules can see them.
  - licence: the license URL (arXiv's non-exclusive distribution licence or a Creative Commons
    licence).
  - Left out: comments, report-no, proxy, submitter, the sizes and dates of later versions.

  A record without an id or a title cannot be a CASHL record: the transformation stops with error
  code cashl:no-title.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:local="https://ns.cashl.edu.cn/xslt/arxiv-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="#all"
                expand-text="yes">

  <xsl:import href="lib/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="source" as="xs:string" select="''"/>
  <xsl:param name="record-id" as="xs:string" select="''"/>
  <xsl:param name="harvested-at" as="xs:string" select="''"/>
  <xsl:param name="crosswalk" as="xs:string" select="''"/>
  <xsl:param name="source-identifier" as="xs:string" select="''"/>
  <xsl:param name="source-datestamp" as="xs:string" select="''"/>

  <xsl:variable name="src" as="xs:string?" select="f:code($source)"/>

  <xsl:variable name="id" as="xs:string">
    <xsl:variable name="clean" select="replace(replace(normalize-space($record-id), '[^A-Za-z0-9._:\-]', '_'), '^[._:\-]+', '')"/>
    <xsl:sequence select="if ($clean) then substring($clean, 1, 256) else 'unidentified'"/>
  </xsl:variable>

  <xsl:variable name="namespaces" as="xs:string*" select="('http://arxiv.org/OAI/arXiv/', 'http://arxiv.org/OAI/arXivRaw/', '')"/>

  <!-- Private-use characters that stand for what parentheses enclose while an authors string is split. -->
  <xsl:variable name="hidden" as="xs:string" select="codepoints-to-string((57344, 57345, 57346, 57347))"/>

  <xsl:variable name="months" as="map(xs:string, xs:string)"
                select="map { 'jan': '01', 'feb': '02', 'mar': '03', 'apr': '04', 'may': '05', 'jun': '06',
                              'jul': '07', 'aug': '08', 'sep': '09', 'oct': '10', 'nov': '11', 'dec': '12' }"/>

  <xsl:template match="/">
    <xsl:variable name="eprint" select="(//*[local-name() = ('arXiv', 'arXivRaw')][namespace-uri() = $namespaces])[1]"/>
    <xsl:if test="empty($eprint)">
      <xsl:message terminate="yes" error-code="cashl:no-title">not an arXiv record: no arXiv or arXivRaw element</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$eprint"/>
  </xsl:template>

  <xsl:template match="*">
    <xsl:variable name="arxiv-id" select="local:value(., 'id')"/>
    <xsl:variable name="title" select="local:value(., 'title')"/>
    <xsl:if test="not($title) or not($arxiv-id)">
      <xsl:message terminate="yes" error-code="cashl:no-title">the arXiv record {($arxiv-id[.], normalize-space($source-identifier))[1]} has no {if ($title) then 'id' else 'title'}</xsl:message>
    </xsl:if>
    <xsl:variable name="doi" select="(tokenize(local:value(., 'doi'), '\s+') ! f:doi(.))[1]"/>
    <xsl:variable name="date" select="if (local-name() eq 'arXivRaw') then local:raw-date((local:children(., 'version')[@version = 'v1'], local:children(., 'version'))[1])
                                      else local:value(., 'created')[matches(., '^\d{4}-\d{2}-\d{2}$')]"/>
    <record id="{$id}" type="article" schemaVersion="1.2">
      <identifiers>
        <xsl:if test="$doi">
          <doi>{$doi}</doi>
        </xsl:if>
        <xsl:if test="$src and normalize-space($source-identifier)">
          <local source="{$src}">{normalize-space($source-identifier)}</local>
        </xsl:if>
      </identifiers>
      <title>
        <main>{$title}</main>
      </title>
      <xsl:choose>
        <xsl:when test="local-name() eq 'arXivRaw'">
          <xsl:sequence select="local:raw-authors(local:value(., 'authors'))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="local:children(local:children(., 'authors'), 'author')">
            <xsl:variable name="keyname" select="local:value(., 'keyname')"/>
            <xsl:variable name="forenames" select="local:value(., 'forenames')"/>
            <xsl:if test="$keyname or $forenames">
              <contributor kind="{if (not($forenames) and local:is-group($keyname)) then 'organisation' else 'person'}" role="aut">
                <name>{string-join(($keyname, $forenames, local:value(., 'suffix'))[.], ', ')}</name>
                <xsl:for-each select="distinct-values(local:children(., 'affiliation') ! normalize-space(.))[.]">
                  <affiliation>{.}</affiliation>
                </xsl:for-each>
              </contributor>
            </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$date">
        <publication>
          <year>{substring($date, 1, 4)}</year>
          <date>{$date}</date>
        </publication>
      </xsl:if>
      <xsl:variable name="journal-ref" select="local:value(., 'journal-ref')"/>
      <xsl:if test="$journal-ref and not($doi)">
        <isPartOf>
          <title>{$journal-ref}</title>
        </isPartOf>
      </xsl:if>
      <xsl:variable name="classes" as="element()*">
        <xsl:for-each select="tokenize(local:value(., 'categories'), '\s+')[.]">
          <classification scheme="arxiv">{.}</classification>
        </xsl:for-each>
        <xsl:for-each select="local:codes(local:value(., 'msc-class'), '[0-9]{2}[A-Z\-]([0-9]{2}|xx|XX)')">
          <classification scheme="msc">{.}</classification>
        </xsl:for-each>
        <xsl:for-each select="local:codes(local:value(., 'acm-class'), '[A-K]\.([0-9]+|m)(\.([0-9]+|m))?')">
          <classification scheme="acm">{.}</classification>
        </xsl:for-each>
      </xsl:variable>
      <xsl:for-each-group select="$classes" group-by="@scheme || ' ' || .">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
      <discipline>unknown</discipline>
      <xsl:variable name="abstract" select="local:value(., 'abstract')"/>
      <xsl:if test="$abstract">
        <description>{$abstract}</description>
      </xsl:if>
      <xsl:variable name="licence" select="local:value(., 'license')"/>
      <xsl:if test="$licence">
        <licence>{$licence}</licence>
      </xsl:if>
      <xsl:if test="$src">
        <holding library="{$src}" localId="{$arxiv-id}" form="electronic" access="openAccess">
          <url>https://arxiv.org/abs/{encode-for-uri($arxiv-id) => replace('%2F', '/')}</url>
        </holding>
      </xsl:if>
      <xsl:call-template name="provenance"/>
    </record>
  </xsl:template>

  <!-- ============================================================ arXivRaw authors -->

  <!--
    The authors of an arXivRaw record: "A. Author, B. Author and C. Author", an affiliation in
    parentheses after a name ("A. Author (Univ. X)"), or numbers there that refer to the affiliations
    listed at the end ("A (1), B (1, 2) ((1) Univ. X, (2) Univ. Y)").
  -->
  <xsl:function name="local:raw-authors" as="element()*">
    <xsl:param name="authors" as="xs:string"/>
    <xsl:variable name="block" select="'^(.*?)\s*\((\(\d+\).*)\)$'"/>
    <xsl:variable name="names" select="if (matches($authors, $block)) then replace($authors, $block, '$1') else $authors"/>
    <xsl:variable name="listed" select="if (matches($authors, $block)) then replace($authors, $block, '$2') else ''"/>
    <xsl:variable name="numbers" as="xs:string*">
      <xsl:analyze-string select="$listed" regex="\((\d+)\)">
        <xsl:matching-substring>
          <xsl:sequence select="regex-group(1)"/>
        </xsl:matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:variable name="texts" select="tail(tokenize($listed, '\s*\(\d+\)\s*')) ! replace(., '[\s,;]+$', '')"/>
    <xsl:for-each select="tokenize(local:hide($names), '\s*,\s*(and\s+)?|\s+and\s+|\s*&amp;\s*')">
      <xsl:variable name="author" select="normalize-space(translate(., $hidden, ', ()'))"/>
      <xsl:variable name="name" select="normalize-space(replace($author, '\(.*$', ''))"/>
      <xsl:variable name="said" select="if (contains($author, '(')) then normalize-space(replace($author, '^[^(]*\((.*)\)[^)]*$', '$1')) else ''"/>
      <xsl:if test="$name and not(matches($name, '^et\.? al\.?$', 'i'))">
        <contributor kind="{if (local:is-group($name)) then 'organisation' else 'person'}" role="aut">
          <name>{$name}</name>
          <xsl:variable name="affiliations" select="if (matches($said, '^\d+(\s*,\s*\d+)*$'))
                                                    then tokenize($said, '\s*,\s*') ! (for $n in . return $texts[index-of($numbers, $n)[1]])
                                                    else $said"/>
          <xsl:for-each select="distinct-values($affiliations ! normalize-space(.))[.]">
            <affiliation>{.}</affiliation>
          </xsl:for-each>
        </contributor>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- The text with what parentheses enclose (and the parentheses) hidden from splitting, innermost first. -->
  <xsl:function name="local:hide" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="matches($text, '\([^()]*\)')">
        <xsl:variable name="once" as="xs:string*">
          <xsl:analyze-string select="$text" regex="\(([^()]*)\)">
            <xsl:matching-substring>
              <xsl:sequence select="substring($hidden, 3, 1) || translate(regex-group(1), ', ', substring($hidden, 1, 2)) || substring($hidden, 4, 1)"/>
            </xsl:matching-substring>
            <xsl:non-matching-substring>
              <xsl:sequence select="."/>
            </xsl:non-matching-substring>
          </xsl:analyze-string>
        </xsl:variable>
        <xsl:sequence select="local:hide(string-join($once, ''))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A collaboration or group rather than a person. -->
  <xsl:function name="local:is-group" as="xs:boolean">
    <xsl:param name="name" as="xs:string?"/>
    <xsl:sequence select="matches($name, '(^|\W)(collaboration|consortium|group|team|project|initiative|network)(\W|$)', 'i')"/>
  </xsl:function>

  <!-- ============================================================= other fields -->

  <!-- "Mon, 2 Apr 2007 19:18:42 GMT" (a version's date) as 2007-04-02; empty when it is not such a date. -->
  <xsl:function name="local:raw-date" as="xs:string?">
    <xsl:param name="version" as="element()?"/>
    <xsl:variable name="text" select="local:value($version, 'date')"/>
    <xsl:variable name="pattern" select="'^(\w+,\s*)?(\d{1,2})\s+([A-Za-z]{3})\w*\s+(\d{4}).*$'"/>
    <xsl:if test="matches($text, $pattern)">
      <xsl:variable name="month" select="$months(lower-case(replace($text, $pattern, '$3')))"/>
      <xsl:if test="exists($month)">
        <xsl:sequence select="replace($text, $pattern, '$4') || '-' || $month || '-' || format-number(xs:integer(replace($text, $pattern, '$2')), '00')"/>
      </xsl:if>
    </xsl:if>
  </xsl:function>

  <!-- The codes of a classification field ("05C50, 05C85; 68R10", "C.2.3; H.3.7"): every match of the pattern. -->
  <xsl:function name="local:codes" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="pattern" as="xs:string"/>
    <xsl:analyze-string select="$text" regex="{$pattern}">
      <xsl:matching-substring>
        <xsl:sequence select="."/>
      </xsl:matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <xsl:function name="local:children" as="element()*">
    <xsl:param name="parent" as="element()*"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="$parent/*[local-name() = $name][namespace-uri() = $namespaces]"/>
  </xsl:function>

  <!-- The first such child's text, white space normalised; empty for none. -->
  <xsl:function name="local:value" as="xs:string">
    <xsl:param name="parent" as="element()?"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="normalize-space(local:children($parent, $name)[normalize-space()][1])"/>
  </xsl:function>

  <!-- One provenance entry, only when the parameters make a valid one. -->
  <xsl:template name="provenance">
    <xsl:variable name="identifier" select="normalize-space(if (normalize-space($source-identifier)) then $source-identifier else $record-id)"/>
    <xsl:if test="$src and $identifier
                  and matches($harvested-at, '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$') and $harvested-at castable as xs:dateTime
                  and matches($crosswalk, '^[a-z0-9][a-z0-9_\-]*@[0-9]+$')">
      <provenance source="{$src}" sourceIdentifier="{$identifier}">
        <xsl:if test="matches($source-datestamp, '^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$')">
          <xsl:attribute name="sourceDatestamp" select="$source-datestamp"/>
        </xsl:if>
        <xsl:attribute name="harvestedAt" select="$harvested-at"/>
        <xsl:attribute name="crosswalk" select="$crosswalk"/>
      </provenance>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
