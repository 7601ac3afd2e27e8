<?xml version="1.0" encoding="UTF-8"?>
<!--
  cashl-to-oai_dc: the canonical CASHL record (https://ns.cashl.edu.cn/record/v1) to unqualified
  Dublin Core as OAI-PMH publishes it (metadataPrefix oai_dc).

  Output: one oai_dc:dc element, valid against http://www.openarchives.org/OAI/2.0/oai_dc.xsd.
  Elements come in the order of the fifteen DC elements as the oai_dc examples list them: title,
  creator, subject, description, publisher, contributor, date, type, format, identifier, source,
  language, relation, coverage, rights.

  Mapping decisions
  - dc:title: the title proper, "main : sub. partNumber, partName" (ISBD punctuation). Variant titles
    (uniform, translated, parallel, abbreviated) follow as further dc:title elements, after the title
    proper: unqualified DC has no alternative-title element, and the Library of Congress MARC to Dublin
    Core crosswalk maps both 245 and 246 to Title. The first dc:title is always the title proper.
  - dc:creator: the leading run of contributors whose role is aut, cre or absent (they come before any
    contributor with another role); dc:contributor: everybody else, in source order. A person's dates
    follow the name after a comma ("Austen, Jane, 1775-1817").
  - dc:subject: every subject heading as catalogued (subdivisions kept as the record joins them), then
    every class number as it stands, without its scheme.
  - dc:date: the normalised year, or the transcribed date when there is no year.
  - dc:type: the DCMI Type "Text" (except for type "other", which may be anything), then the CASHL
    record type word (book, journal, article, ebook, ejournal, other).
  - dc:format: the extent statement.
  - dc:identifier: valid ISBNs as urn:isbn:, valid ISSNs as urn:issn:, the DOI as https://doi.org/,
    OCLC numbers as (OCoLC)n, the LCCN as info:lccn/, then the URL of every holding that has one, in
    holdings order: each electronic holding's URL (where the resource is read online, licensed or
    open access), and a print holding's link to its library's record; each string only once (an
    article's holding URL is often its DOI link, libraries of one package share its URL). Numbers
    marked invalid are not published here (MODS and MARC carry them, flagged).
  - dc:language: the ISO 639-2/B codes.
  - dc:source: the citation of an article in its journal, "journal title, volume(issue), pages"
    ("no. issue" without a volume), as OJS, DOAJ and repository harvesters expect it.
  - dc:relation: the journal's ISSNs (print, then online) as urn:issn:, then each series as "title ; volume" plus its ISSN
    as urn:issn:. Links to other hub records (relation) are not published: hub record ids are not
    resolvable outside the hub.
  - dc:rights: the licence, as the record gives it (its URL, else its statement).
  - dc:coverage is not used.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:local="https://ns.cashl.edu.cn/xslt/cashl-to-oai_dc"
                xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xpath-default-namespace="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="xs local"
                expand-text="yes">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes" error-code="local:not-cashl">cashl-to-oai_dc: the input is not a CASHL record ({name()})</xsl:message>
  </xsl:template>

  <xsl:template match="/record">
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">

      <!-- title -->
      <dc:title>{local:title(title)}</dc:title>
      <xsl:for-each select="variantTitle">
        <dc:title>{normalize-space(.)}</dc:title>
      </xsl:for-each>

      <!-- creator -->
      <xsl:for-each select="contributor[local:is-creator(.)]">
        <dc:creator>{local:agent(.)}</dc:creator>
      </xsl:for-each>

      <!-- subject -->
      <xsl:for-each select="subject, classification">
        <dc:subject>{normalize-space(.)}</dc:subject>
      </xsl:for-each>

      <!-- description -->
      <xsl:for-each select="description">
        <dc:description>{normalize-space(.)}</dc:description>
      </xsl:for-each>

      <!-- publisher -->
      <xsl:for-each select="publication/publisher">
        <dc:publisher>{normalize-space(.)}</dc:publisher>
      </xsl:for-each>

      <!-- contributor -->
      <xsl:for-each select="contributor[not(local:is-creator(.))]">
        <dc:contributor>{local:agent(.)}</dc:contributor>
      </xsl:for-each>

      <!-- date -->
      <xsl:for-each select="(publication/year, publication/date)[1]">
        <dc:date>{normalize-space(.)}</dc:date>
      </xsl:for-each>

      <!-- type -->
      <xsl:variable name="type" select="normalize-space(@type)"/>
      <xsl:if test="$type != 'other'">
        <dc:type>Text</dc:type>
      </xsl:if>
      <dc:type>{$type}</dc:type>

      <!-- format -->
      <xsl:for-each select="extent">
        <dc:format>{normalize-space(.)}</dc:format>
      </xsl:for-each>

      <!-- identifier -->
      <xsl:variable name="identifiers" as="xs:string*" select="
          identifiers/isbn[local:is-valid(.)] ! ('urn:isbn:' || normalize-space(.)),
          identifiers/issn[local:is-valid(.)] ! ('urn:issn:' || normalize-space(.)),
          identifiers/doi ! ('https://doi.org/' || normalize-space(.)),
          identifiers/oclc ! ('(OCoLC)' || normalize-space(.)),
          identifiers/lccn ! ('info:lccn/' || normalize-space(.)),
          holding/url ! normalize-space(.)"/>
      <!-- each once: the URL of an article's holding is often its DOI link -->
      <xsl:for-each select="distinct-values($identifiers)">
        <dc:identifier>{.}</dc:identifier>
      </xsl:for-each>

      <!-- language -->
      <xsl:for-each select="language">
        <dc:language>{normalize-space(.)}</dc:language>
      </xsl:for-each>

      <!-- source: the article's citation; relation: its journal's ISSN, the series -->
      <xsl:for-each select="isPartOf">
        <dc:source>{local:host(.)}</dc:source>
        <xsl:for-each select="issn, eissn">
          <dc:relation>urn:issn:{normalize-space(.)}</dc:relation>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="series">
        <dc:relation>{string-join((normalize-space(title), volume ! normalize-space(.)), ' ; ')}</dc:relation>
        <xsl:for-each select="issn">
          <dc:relation>urn:issn:{normalize-space(.)}</dc:relation>
        </xsl:for-each>
      </xsl:for-each>

      <!-- rights -->
      <xsl:for-each select="licence">
        <dc:rights>{normalize-space(.)}</dc:rights>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>

  <!-- ============================================================== functions -->

  <!-- "main : sub. partNumber, partName" -->
  <xsl:function name="local:title" as="xs:string">
    <xsl:param name="title" as="element(title)"/>
    <xsl:variable name="main" select="string-join(($title/main, $title/sub) ! normalize-space(.), ' : ')"/>
    <xsl:variable name="part" select="string-join(($title/partNumber, $title/partName) ! normalize-space(.), ', ')"/>
    <xsl:sequence select="if ($part = '') then $main
                          else if (matches($main, '[.?!]$')) then $main || ' ' || $part
                          else $main || '. ' || $part"/>
  </xsl:function>

  <!-- A creator: role aut, cre or none, with no contributor of another role before it. -->
  <xsl:function name="local:is-creator" as="xs:boolean">
    <xsl:param name="contributor" as="element(contributor)"/>
    <xsl:sequence select="every $c in ($contributor, $contributor/preceding-sibling::contributor)
                          satisfies normalize-space($c/@role) = ('', 'aut', 'cre')"/>
  </xsl:function>

  <!-- Name, with the dates of a person after a comma. -->
  <xsl:function name="local:agent" as="xs:string">
    <xsl:param name="contributor" as="element(contributor)"/>
    <xsl:sequence select="string-join(($contributor/name, $contributor/dates) ! normalize-space(.), ', ')"/>
  </xsl:function>

  <!-- Absent or true: valid; "false" or "0": invalid. -->
  <xsl:function name="local:is-valid" as="xs:boolean">
    <xsl:param name="number" as="element()"/>
    <xsl:sequence select="not(normalize-space($number/@valid) = ('false', '0'))"/>
  </xsl:function>

  <!-- "journal title, volume(issue), pages"; "no. issue" when there is no volume. -->
  <xsl:function name="local:host" as="xs:string">
    <xsl:param name="host" as="element(isPartOf)"/>
    <xsl:variable name="volume" select="normalize-space($host/volume)"/>
    <xsl:variable name="issue" select="normalize-space($host/issue)"/>
    <xsl:variable name="numbering" select="if ($volume and $issue) then $volume || '(' || $issue || ')'
                                           else if ($issue) then 'no. ' || $issue
                                           else $volume"/>
    <xsl:sequence select="string-join((normalize-space($host/title), $numbering, normalize-space($host/pages))[. != ''], ', ')"/>
  </xsl:function>

</xsl:stylesheet>
