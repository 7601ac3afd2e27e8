<?xml version="1.0" encoding="UTF-8"?>
<!--
  jats-to-cashl: a journal article's front matter in JATS (NISO Z39.96, JATS 1.0 to 1.3) or in the
  NLM DTDs before it (2.3, 3.0), as publishers, PubMed Central (pmc_fm) and OJS send it, to a
  canonical CASHL record of type article.

  Input: one document whose root is article (no namespace, or a JATS namespace some OAI-PMH
  providers use); only front/journal-meta and front/article-meta are read, never the body.

  Parameters (all strings, always passed, possibly empty): source, record-id, harvested-at, crosswalk,
  source-identifier, source-datestamp.

  Mapping:
  - title: article-title (markup such as italic flattened to its text), subtitle; each
    trans-title-group's titles as variant titles.
  - contributors: contrib[@contrib-type='author'] (a name as "Surname, Given names", a collab as an
    organisation), then editors; the order of the article.
  - identifiers: the DOI (lower-cased prefix kept as written), the PMID as an OCLC-like local number
    is not a CASHL identifier and stays out; the journal's ISSNs go to isPartOf (the print one
    first: pub-type ppub or publication-format print, as NLM and JATS 1.1+ tag them).
  - publication: the publisher; the year and date of the print issue, else of the electronic
    publication, else any pub-date.
  - isPartOf: journal title (journal-title-group/journal-title, or journal-title in NLM 2.3), ISSN,
    volume, issue, pages as fpage-lpage (or the elocation-id).
  - language: article/@xml:lang; subjects: every kwd as a keyword, subject headings of the
    article-categories as well; description: the first abstract that is not a teaser.
  - an article published under an open licence (license/@license-type open-access or a Creative
    Commons licence URL) is held online by the source: an electronic, open-access holding at its DOI.

  A record without an article-title cannot be a CASHL record: the transformation stops with error
  code cashl:no-title.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:local="https://ns.cashl.edu.cn/xslt/jats-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:ali="http://www.niso.org/schemas/ali/1.0/"
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

  <xsl:template match="/">
    <xsl:variable name="article" select="(//*:article[*:front])[1]"/>
    <xsl:if test="empty($article)">
      <xsl:message terminate="yes" error-code="cashl:no-title">not a JATS article: no article with front matter</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$article"/>
  </xsl:template>

  <xsl:template match="*:article">
    <xsl:variable name="journal" select="*:front/*:journal-meta"/>
    <xsl:variable name="meta" select="*:front/*:article-meta"/>
    <xsl:variable name="title" select="local:text($meta/*:title-group/*:article-title)"/>
    <xsl:if test="not($title)">
      <xsl:message terminate="yes" error-code="cashl:no-title">the article has no article-title</xsl:message>
    </xsl:if>
    <xsl:variable name="doi" select="normalize-space(($meta/*:article-id[@pub-id-type = 'doi'])[1])"/>
    <xsl:variable name="date" select="local:pub-date($meta)"/>
    <xsl:variable name="year" select="f:year(string($date/*:year))"/>
    <record id="{$id}" type="article">
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
        <xsl:variable name="sub" select="local:text($meta/*:title-group/*:subtitle[1])"/>
        <xsl:if test="$sub">
          <sub>{$sub}</sub>
        </xsl:if>
      </title>
      <xsl:for-each select="distinct-values($meta/*:title-group/*:trans-title-group/*:trans-title ! local:text(.))[. and . ne $title]">
        <variantTitle>{.}</variantTitle>
      </xsl:for-each>
      <xsl:apply-templates select="$meta/*:contrib-group/*:contrib[@contrib-type = 'author'],
                                   $meta/*:contrib-group/*:contrib[@contrib-type = 'editor']"/>
      <xsl:variable name="publisher" select="local:text(($journal/*:publisher/*:publisher-name)[1])"/>
      <xsl:if test="$publisher or $year">
        <publication>
          <xsl:if test="$publisher">
            <publisher>{$publisher}</publisher>
          </xsl:if>
          <xsl:if test="$year">
            <year>{$year}</year>
            <xsl:variable name="month" select="number($date/*:month)"/>
            <xsl:variable name="day" select="number($date/*:day)"/>
            <xsl:if test="$month ge 1 and $month le 12">
              <date>{$year}-{format-number($month, '00')}<xsl:if test="$day ge 1 and $day le 31">-{format-number($day, '00')}</xsl:if></date>
            </xsl:if>
          </xsl:if>
        </publication>
      </xsl:if>
      <xsl:variable name="journal-title" select="local:text(($journal/*:journal-title-group/*:journal-title, $journal/*:journal-title)[1])"/>
      <xsl:if test="$journal-title">
        <isPartOf>
          <title>{$journal-title}</title>
          <xsl:variable name="issn" select="($journal/*:issn[@pub-type = 'ppub' or @publication-format = 'print'],
                                             $journal/*:issn[@pub-type = 'epub' or @publication-format = 'electronic'],
                                             $journal/*:issn)[normalize-space()][1]"/>
          <xsl:if test="$issn">
            <issn>{normalize-space($issn)}</issn>
          </xsl:if>
          <xsl:sequence select="local:element('volume', $meta/*:volume[1])"/>
          <xsl:sequence select="local:element('issue', $meta/*:issue[1])"/>
          <xsl:variable name="first" select="normalize-space($meta/*:fpage[1])"/>
          <xsl:variable name="last" select="normalize-space($meta/*:lpage[1])"/>
          <xsl:variable name="pages" select="if ($first and $last and $first ne $last) then $first || '-' || $last
                                             else if ($first) then $first
                                             else normalize-space($meta/*:elocation-id[1])"/>
          <xsl:if test="$pages">
            <pages>{$pages}</pages>
          </xsl:if>
        </isPartOf>
      </xsl:if>
      <xsl:variable name="language" select="f:lang(string(@xml:lang))"/>
      <xsl:if test="$language">
        <language>{$language}</language>
      </xsl:if>
      <xsl:for-each select="distinct-values(($meta/*:kwd-group/*:kwd,
                                             $meta/*:article-categories//*:subj-group[not(@subj-group-type = ('heading', 'display-channel'))]/*:subject)
                                            ! local:text(.))[.]">
        <subject scheme="keyword">{.}</subject>
      </xsl:for-each>
      <discipline>unknown</discipline>
      <xsl:variable name="abstract" select="local:abstract(($meta/*:abstract[not(@abstract-type = ('teaser', 'executive-summary', 'toc'))], $meta/*:abstract)[1])"/>
      <xsl:if test="$abstract">
        <description>{$abstract}</description>
      </xsl:if>
      <xsl:variable name="licence" select="($meta/*:permissions/*:license)[1]"/>
      <xsl:variable name="licence-url" select="normalize-space(($licence/@xlink:href, $meta/*:permissions/ali:license_ref)[1])"/>
      <xsl:if test="$src and $doi and ($licence/@license-type = ('open-access', 'open_access', 'openaccess')
                    or contains($licence-url, 'creativecommons.org'))">
        <holding library="{$src}" localId="{$doi}" form="electronic" access="openAccess">
          <url>https://doi.org/{$doi}</url>
        </holding>
      </xsl:if>
      <xsl:call-template name="provenance"/>
    </record>
  </xsl:template>

  <!-- A person as "Surname, Given names" (name or string-name); a collab as an organisation. -->
  <xsl:template match="*:contrib">
    <xsl:variable name="name" select="(*:name, *:name-alternatives/*:name, *:string-name)[1]"/>
    <xsl:variable name="role" select="if (@contrib-type = 'editor') then 'edt' else 'aut'"/>
    <xsl:choose>
      <xsl:when test="$name/*:surname">
        <xsl:variable name="given" select="local:text($name/*:given-names[1])"/>
        <contributor kind="person" role="{$role}">
          <name>{local:text($name/*:surname[1])}<xsl:if test="$given">, {$given}</xsl:if></name>
        </contributor>
      </xsl:when>
      <xsl:when test="local:text($name)">
        <contributor kind="person" role="{$role}">
          <name>{local:text($name)}</name>
        </contributor>
      </xsl:when>
      <xsl:when test="local:text(*:collab[1])">
        <contributor kind="organisation" role="{$role}">
          <name>{local:text(*:collab[1])}</name>
        </contributor>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The date of the print issue, else of the electronic publication, else the first pub-date. -->
  <xsl:function name="local:pub-date" as="element()?">
    <xsl:param name="meta" as="element()?"/>
    <xsl:sequence select="($meta/*:pub-date[@pub-type = ('ppub', 'collection') or @date-type = ('pub', 'collection') and @publication-format = 'print'],
                           $meta/*:pub-date[@pub-type = ('epub', 'epub-ppub') or @publication-format = 'electronic'],
                           $meta/*:pub-date)[*:year][1]"/>
  </xsl:function>

  <!-- An element's text with its markup flattened and white space normalised; empty for none. -->
  <xsl:function name="local:text" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($element//text()[not(ancestor::*:xref or ancestor::*:fn or ancestor::*:label)], ''))"/>
  </xsl:function>

  <!-- An abstract's paragraphs, its headings ("Abstract", "Background") and labels left out. -->
  <xsl:function name="local:abstract" as="xs:string">
    <xsl:param name="abstract" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($abstract//*:p ! local:text(.), ' '))"/>
  </xsl:function>

  <xsl:function name="local:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="element()?"/>
    <xsl:variable name="text" select="local:text($value)"/>
    <xsl:if test="$text">
      <xsl:element name="{$name}" namespace="https://ns.cashl.edu.cn/record/v1">{$text}</xsl:element>
    </xsl:if>
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
