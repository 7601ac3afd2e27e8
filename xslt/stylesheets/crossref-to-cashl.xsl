<?xml version="1.0" encoding="UTF-8"?>
<!--
  crossref-to-cashl: one Crossref work (the REST API's message object, as the Crossref reader hands
  it over: its JSON as the text of <work xmlns="https://ns.cashl.edu.cn/crossref/v1">) to a canonical
  CASHL record. Done in XSLT 3.0 with json-to-xml, so that the mapping is edited, versioned and
  previewed in the admin like every other crosswalk.

  Parameters (all strings, always passed, possibly empty): source, record-id, harvested-at, crosswalk,
  source-identifier, source-datestamp.

  Mapping:
  - type: journal-article, proceedings-article, book-chapter and other parts -> article; book,
    monograph, edited-book, reference-book -> book (an ebook when the work has only an online ISBN
    is still a book: the holdings decide what is online); anything else -> other.
  - title: title[1] (JATS inline markup removed), subtitle[1]; original-title and translated titles
    as variant titles.
  - contributors: author (family, given; name for organisations), then editor; in the work's order.
  - identifiers: the DOI; a book's ISBNs (isbn-type print first).
  - publication: the publisher; the date of the print issue, else online publication, else issued.
  - isPartOf (a part): container-title[1], the print ISSN first (issn-type), volume, issue, page or
    article-number.
  - language, subjects (subject[] as keywords), the abstract (its JATS markup removed).
  - a work with a Creative Commons licence is held online by the source at its DOI, as open access.

  A work without a title cannot be a CASHL record: the transformation stops with error code
  cashl:no-title.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:fn="http://www.w3.org/2005/xpath-functions"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:local="https://ns.cashl.edu.cn/xslt/crossref-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns:cr="https://ns.cashl.edu.cn/crossref/v1"
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
    <xsl:variable name="work" select="json-to-xml(string((//cr:work)[1]))/fn:map"/>
    <xsl:if test="empty($work)">
      <xsl:message terminate="yes" error-code="cashl:no-title">not a Crossref work</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$work"/>
  </xsl:template>

  <xsl:template match="fn:map">
    <xsl:variable name="title" select="local:plain(fn:array[@key = 'title']/fn:string[1])"/>
    <xsl:if test="not($title)">
      <xsl:message terminate="yes" error-code="cashl:no-title">the work {fn:string[@key = 'DOI']} has no title</xsl:message>
    </xsl:if>
    <xsl:variable name="kind" select="string(fn:string[@key = 'type'])"/>
    <xsl:variable name="type" select="if ($kind = ('journal-article', 'proceedings-article', 'book-chapter', 'book-section', 'book-part', 'posted-content', 'peer-review', 'reference-entry')) then 'article'
                                      else if ($kind = ('book', 'monograph', 'edited-book', 'reference-book', 'book-set')) then 'book'
                                      else 'other'"/>
    <xsl:variable name="doi" select="normalize-space(fn:string[@key = 'DOI'])"/>
    <xsl:variable name="date" select="(for $key in ('published-print', 'published-online', 'issued', 'published')
                                       return fn:map[@key = $key]/fn:array[@key = 'date-parts']/fn:array[1][fn:number])[1]"/>
    <xsl:variable name="year" select="f:year(string($date/fn:number[1]))"/>
    <record id="{$id}" type="{$type}">
      <identifiers>
        <xsl:if test="$type eq 'book'">
          <xsl:for-each select="distinct-values((fn:array[@key = 'isbn-type']/fn:map[fn:string[@key = 'type'] = 'print']/fn:string[@key = 'value'],
                                                fn:array[@key = 'ISBN']/fn:string) ! normalize-space(.))[.]">
            <xsl:sequence select="f:isbn(., ())"/>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$doi">
          <doi>{$doi}</doi>
        </xsl:if>
      </identifiers>
      <title>
        <main>{$title}</main>
        <xsl:variable name="sub" select="local:plain(fn:array[@key = 'subtitle']/fn:string[1])"/>
        <xsl:if test="$sub and $sub ne $title">
          <sub>{$sub}</sub>
        </xsl:if>
      </title>
      <xsl:for-each select="distinct-values((fn:array[@key = ('original-title', 'translated-title')]/fn:string) ! local:plain(.))[. and . ne $title]">
        <variantTitle>{.}</variantTitle>
      </xsl:for-each>
      <xsl:for-each select="fn:array[@key = 'author']/fn:map, fn:array[@key = 'editor']/fn:map">
        <xsl:variable name="family" select="normalize-space(fn:string[@key = 'family'])"/>
        <xsl:variable name="given" select="normalize-space(fn:string[@key = 'given'])"/>
        <xsl:variable name="role" select="if (../@key = 'editor') then 'edt' else 'aut'"/>
        <xsl:choose>
          <xsl:when test="$family">
            <contributor kind="person" role="{$role}">
              <name>{$family}<xsl:if test="$given">, {$given}</xsl:if></name>
            </contributor>
          </xsl:when>
          <xsl:when test="normalize-space(fn:string[@key = 'name'])">
            <contributor kind="organisation" role="{$role}">
              <name>{normalize-space(fn:string[@key = 'name'])}</name>
            </contributor>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
      <xsl:variable name="publisher" select="normalize-space(fn:string[@key = 'publisher'])"/>
      <xsl:if test="$publisher or $year">
        <publication>
          <xsl:if test="$publisher">
            <publisher>{$publisher}</publisher>
          </xsl:if>
          <xsl:if test="$year">
            <year>{$year}</year>
            <xsl:variable name="month" select="number($date/fn:number[2])"/>
            <xsl:variable name="day" select="number($date/fn:number[3])"/>
            <xsl:if test="$month ge 1 and $month le 12">
              <date>{$year}-{format-number($month, '00')}<xsl:if test="$day ge 1 and $day le 31">-{format-number($day, '00')}</xsl:if></date>
            </xsl:if>
          </xsl:if>
        </publication>
      </xsl:if>
      <xsl:variable name="container" select="local:plain(fn:array[@key = 'container-title']/fn:string[1])"/>
      <xsl:if test="$type eq 'article' and $container">
        <isPartOf>
          <title>{$container}</title>
          <xsl:variable name="issn" select="(fn:array[@key = 'issn-type']/fn:map[fn:string[@key = 'type'] = 'print']/fn:string[@key = 'value'],
                                             fn:array[@key = 'issn-type']/fn:map/fn:string[@key = 'value'],
                                             fn:array[@key = 'ISSN']/fn:string)[normalize-space()][1]"/>
          <xsl:if test="$issn">
            <issn>{normalize-space($issn)}</issn>
          </xsl:if>
          <xsl:sequence select="local:element('volume', fn:string[@key = 'volume'])"/>
          <xsl:sequence select="local:element('issue', fn:string[@key = 'issue'])"/>
          <xsl:sequence select="local:element('pages', (fn:string[@key = 'page'], fn:string[@key = 'article-number'])[normalize-space()][1])"/>
        </isPartOf>
      </xsl:if>
      <xsl:variable name="language" select="f:lang(string(fn:string[@key = 'language']))"/>
      <xsl:if test="$language">
        <language>{$language}</language>
      </xsl:if>
      <xsl:for-each select="distinct-values(fn:array[@key = 'subject']/fn:string ! normalize-space(.))[.]">
        <subject scheme="keyword">{.}</subject>
      </xsl:for-each>
      <discipline>unknown</discipline>
      <xsl:variable name="abstract" select="local:plain(fn:string[@key = 'abstract'])"/>
      <xsl:if test="$abstract">
        <description>{$abstract}</description>
      </xsl:if>
      <xsl:if test="$src and $doi and fn:array[@key = 'license']/fn:map/fn:string[@key = 'URL'][contains(., 'creativecommons.org')]">
        <holding library="{$src}" localId="{$doi}" form="electronic" access="openAccess">
          <url>https://doi.org/{$doi}</url>
        </holding>
      </xsl:if>
      <xsl:call-template name="provenance">
        <xsl:with-param name="identifier" select="if ($doi) then $doi else $record-id"/>
      </xsl:call-template>
    </record>
  </xsl:template>

  <!-- Text that may carry JATS or HTML inline markup (<i>, <jats:italic>, <jats:p>): the markup removed. -->
  <xsl:function name="local:plain" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="normalize-space(replace(replace(string($text), '&lt;[^&gt;]*&gt;', ' '), '\s+([,.;:])', '$1'))"/>
  </xsl:function>

  <xsl:function name="local:element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="text" select="normalize-space($value)"/>
    <xsl:if test="$text">
      <xsl:element name="{$name}" namespace="https://ns.cashl.edu.cn/record/v1">{$text}</xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- One provenance entry, only when the parameters make a valid one. -->
  <xsl:template name="provenance">
    <xsl:param name="identifier" as="xs:string"/>
    <xsl:if test="$src and normalize-space($identifier)
                  and matches($harvested-at, '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$') and $harvested-at castable as xs:dateTime
                  and matches($crosswalk, '^[a-z0-9][a-z0-9_\-]*@[0-9]+$')">
      <provenance source="{$src}" sourceIdentifier="{normalize-space($identifier)}" harvestedAt="{$harvested-at}"
                  crosswalk="{$crosswalk}"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
