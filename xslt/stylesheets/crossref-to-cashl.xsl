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
  - title: title[1] (JATS inline markup removed), subtitle[1]; variant titles: original-title (the
    title in the original language of a translated work; Crossref does not say which language),
    translated-title as type translated, short-title as type abbreviated.
  - contributors: author (family, given and suffix; name for organisations), then editor; in the
    work's order. A person's ORCID (the iD without its resolver), every affiliation[].name.
  - identifiers: the DOI; a book's ISBNs (isbn-type print first).
  - publication: the publisher; the date of the print issue, else online publication, else issued.
  - isPartOf (a part): container-title[1]; issn the ISSN issn-type calls print (else the one ISSN
    not called electronic), eissn the electronic one; volume, issue, page or article-number.
  - language, subjects (subject[] as keywords), the abstract (a string of JATS markup: its
    jats:title headings dropped, the tags removed, entities decoded) with its language (the
    abstract's xml:lang, else the work's language).
  - licence: the URL of the license whose content-version is vor, else unspecified, else am, else any
    but a text-and-data-mining (tdm) licence.
  - a work whose published version (content-version vor or unspecified) has a Creative Commons
    licence is held online by the source at its DOI, as open access.

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
    <record id="{$id}" type="{$type}" schemaVersion="1.2">
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
      <xsl:variable name="variants" as="element()*">
        <xsl:for-each select="fn:array[@key = ('original-title', 'translated-title', 'short-title')]/fn:string">
          <xsl:variable name="text" select="local:plain(.)"/>
          <xsl:if test="$text and $text ne $title">
            <variantTitle>
              <xsl:if test="../@key ne 'original-title'">
                <xsl:attribute name="type" select="if (../@key eq 'short-title') then 'abbreviated' else 'translated'"/>
              </xsl:if>
              <xsl:value-of select="$text"/>
            </variantTitle>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:for-each-group select="$variants" group-by="string(.)">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
      <xsl:for-each select="fn:array[@key = 'author']/fn:map, fn:array[@key = 'editor']/fn:map">
        <xsl:variable name="family" select="normalize-space(fn:string[@key = 'family'])"/>
        <xsl:variable name="given" select="normalize-space(fn:string[@key = 'given'])"/>
        <xsl:variable name="role" select="if (../@key = 'editor') then 'edt' else 'aut'"/>
        <xsl:choose>
          <xsl:when test="$family">
            <contributor kind="person" role="{$role}">
              <name>{string-join(($family, $given, normalize-space(fn:string[@key = 'suffix']))[.], ', ')}</name>
              <xsl:for-each select="f:orcid(fn:string[@key = 'ORCID'])">
                <orcid>{.}</orcid>
              </xsl:for-each>
              <xsl:call-template name="affiliations"/>
            </contributor>
          </xsl:when>
          <xsl:when test="normalize-space(fn:string[@key = 'name'])">
            <contributor kind="organisation" role="{$role}">
              <name>{normalize-space(fn:string[@key = 'name'])}</name>
              <xsl:call-template name="affiliations"/>
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
          <xsl:variable name="typed" select="fn:array[@key = 'issn-type']/fn:map"/>
          <xsl:variable name="online" select="f:issn-string(($typed[fn:string[@key = 'type'] = 'electronic']/fn:string[@key = 'value'])[1])"/>
          <xsl:variable name="print" select="(f:issn-string(($typed[fn:string[@key = 'type'] = 'print']/fn:string[@key = 'value'])[1]),
                                              (fn:array[@key = 'ISSN']/fn:string ! f:issn-string(.))[not(. = $online)])[1]"/>
          <xsl:for-each select="$print">
            <issn>{.}</issn>
          </xsl:for-each>
          <xsl:for-each select="$online">
            <eissn>{.}</eissn>
          </xsl:for-each>
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
      <xsl:variable name="jats-abstract" select="string(fn:string[@key = 'abstract'])"/>
      <xsl:variable name="abstract" select="local:plain(replace($jats-abstract, '&lt;(jats:)?title[^&gt;]*&gt;.*?&lt;/(jats:)?title&gt;', ' ', 's'))"/>
      <xsl:if test="$abstract">
        <description>
          <xsl:variable name="tagged" select="replace($jats-abstract, '^.*?xml:lang=.([A-Za-z\-]+).*$', '$1', 's')"/>
          <xsl:for-each select="f:lang(if ($tagged ne $jats-abstract) then $tagged else string(fn:string[@key = 'language']))">
            <xsl:attribute name="language" select="."/>
          </xsl:for-each>
          <xsl:value-of select="$abstract"/>
        </description>
      </xsl:if>
      <xsl:variable name="licences" select="fn:array[@key = 'license']/fn:map[normalize-space(fn:string[@key = 'URL'])]"/>
      <xsl:variable name="licence" select="($licences[fn:string[@key = 'content-version'] = 'vor'],
                                            $licences[fn:string[@key = 'content-version'] = 'unspecified'],
                                            $licences[fn:string[@key = 'content-version'] = 'am'],
                                            $licences[not(fn:string[@key = 'content-version'] = 'tdm')])[1]/fn:string[@key = 'URL']"/>
      <xsl:if test="$licence">
        <licence>{normalize-space($licence)}</licence>
      </xsl:if>
      <xsl:if test="$src and $doi and $licences[not(fn:string[@key = 'content-version']) or fn:string[@key = 'content-version'] = ('vor', 'unspecified')]
                                                [f:is-open-licence(fn:string[@key = 'URL'])]">
        <holding library="{$src}" localId="{$doi}" form="electronic" access="openAccess">
          <url>https://doi.org/{$doi}</url>
        </holding>
      </xsl:if>
      <xsl:call-template name="provenance">
        <xsl:with-param name="identifier" select="if ($doi) then $doi else $record-id"/>
      </xsl:call-template>
    </record>
  </xsl:template>

  <!-- A contributor's affiliations (context: its map), each name once. -->
  <xsl:template name="affiliations">
    <xsl:for-each select="distinct-values(fn:array[@key = 'affiliation']/fn:map/fn:string[@key = 'name'] ! local:plain(.))[.]">
      <affiliation>{.}</affiliation>
    </xsl:for-each>
  </xsl:template>

  <!--
    Text that may carry JATS or HTML inline markup (<i>, <jats:italic>, <jats:p>): the markup removed,
    the entities of the markup (&amp;amp; &amp;lt; &amp;#233; ...) decoded.
  -->
  <xsl:function name="local:plain" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="untagged" select="normalize-space(replace(replace(string($text), '&lt;[^&gt;]*&gt;', ' '), '\s+([,.;:])', '$1'))"/>
    <xsl:sequence select="if (contains($untagged, '&amp;')) then local:entities($untagged) else $untagged"/>
  </xsl:function>

  <xsl:function name="local:entities" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="$text" regex="&amp;(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos|nbsp);">
        <xsl:matching-substring>
          <xsl:variable name="name" select="regex-group(1)"/>
          <xsl:variable name="code" select="if (starts-with($name, '#x')) then local:hex(substring($name, 3))
                                            else if (starts-with($name, '#')) then xs:integer(substring($name, 2))
                                            else map { 'lt': 60, 'gt': 62, 'amp': 38, 'quot': 34, 'apos': 39, 'nbsp': 32 }($name)"/>
          <xsl:sequence select="if ($code = (9, 10, 13) or ($code ge 32 and $code le 55295) or ($code ge 57344 and $code le 65533)
                                    or ($code ge 65536 and $code le 1114111))
                                then codepoints-to-string($code) else ''"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:sequence select="."/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts, ''))"/>
  </xsl:function>

  <xsl:function name="local:hex" as="xs:integer">
    <xsl:param name="digits" as="xs:string"/>
    <xsl:sequence select="fold-left(string-to-codepoints(upper-case($digits)), 0,
                                    function($n, $c) { $n * 16 + (if ($c ge 65) then $c - 55 else $c - 48) })"/>
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
