<?xml version="1.0" encoding="UTF-8"?>
<!--
  oai_doaj-to-cashl: an article of the Directory of Open Access Journals in its own OAI-PMH format
  (metadataPrefix oai_doaj, namespace http://doaj.org/features/oai_doaj/1.0/, root doajArticle) to a
  canonical CASHL record of type article.

  Input: one doajArticle. DOAJ's own example writes most children with the oai_doaj prefix but
  authors, author, name, affiliationId, orcid_id, affiliationsList and affiliationName without it,
  so every child is matched by its local name, in the DOAJ namespace or in none; or in the OAI-PMH
  namespace, which is what an unprefixed element inherits from the default namespace of an OAI-PMH
  response (the harvester hands over the metadata with the declarations it inherits).

  Parameters (all strings, always passed, possibly empty): source, record-id, harvested-at, crosswalk,
  source-identifier, source-datestamp.

  Mapping (DOAJ's field table, https://doaj.org/docs/oai-pmh/):
  - title: the first title; further titles (the upload format allows one per language) as variant
    titles of type translated, with their language attribute when there is one.
  - contributors: authors/author in their order, persons, the name as DOAJ gives it (in direct
    order: DOAJ does not split names); orcid_id without its resolver; the affiliationName of
    affiliationsList whose affiliationId is the author's.
  - identifiers: doi (any resolver form reduced to the DOI); the OAI identifier as a local number.
    publisherRecordId stays out: DOAJ documents it as neither unique nor useful outside the
    publisher, and a CASHL local number is one a hub source issued.
  - publication: publisher; year and date from publicationDate (YYYY-MM-DD).
  - isPartOf: journalTitle, issn (DOAJ's print ISSN), eissn, volume, issue, startPage-endPage.
  - language: DOAJ's language, the first language of the journal (a three-letter code), as
    ISO 639-2/B. It is the journal's, not necessarily the article's: the abstract gets no language
    from it.
  - subjects: keywords/keyword as keywords; description: abstract.
  - holding: DOAJ lists open-access journals only, so every article is open access: an electronic,
    open-access holding of the source at the fullTextUrl (else at its DOI), its local id the DOI, else
    the OAI identifier, else the record id. DOAJ gives no licence for articles, so there is none.

  A record without a title cannot be a CASHL record: the transformation stops with error code
  cashl:no-title.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:local="https://ns.cashl.edu.cn/xslt/oai_doaj-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns:doaj="http://doaj.org/features/oai_doaj/1.0/"
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
    <xsl:variable name="article" select="(//*[local-name() = 'doajArticle'][local:doaj(.)])[1]"/>
    <xsl:if test="empty($article)">
      <xsl:message terminate="yes" error-code="cashl:no-title">not a DOAJ article: no doajArticle</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$article"/>
  </xsl:template>

  <xsl:template match="*">
    <xsl:variable name="titles" select="local:children(., 'title')[normalize-space()]"/>
    <xsl:variable name="title" select="normalize-space($titles[1])"/>
    <xsl:if test="not($title)">
      <xsl:message terminate="yes" error-code="cashl:no-title">the DOAJ article {normalize-space($source-identifier)} has no title</xsl:message>
    </xsl:if>
    <xsl:variable name="doi" select="f:doi(local:value(., 'doi'))"/>
    <xsl:variable name="date" select="local:value(., 'publicationDate')"/>
    <xsl:variable name="year" select="f:year($date)"/>
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
      <xsl:for-each select="$titles[position() gt 1][normalize-space() ne $title]">
        <variantTitle type="translated">
          <xsl:for-each select="f:lang(string((@language, @xml:lang)[1]))">
            <xsl:attribute name="language" select="."/>
          </xsl:for-each>
          <xsl:value-of select="normalize-space(.)"/>
        </variantTitle>
      </xsl:for-each>
      <xsl:variable name="affiliations" select="local:children(local:child(., 'affiliationsList'), 'affiliationName')"/>
      <xsl:for-each select="local:children(local:child(., 'authors'), 'author')[normalize-space(local:value(., 'name'))]">
        <contributor kind="person" role="aut">
          <name>{local:value(., 'name')}</name>
          <xsl:for-each select="f:orcid(local:value(., 'orcid_id'))">
            <orcid>{.}</orcid>
          </xsl:for-each>
          <xsl:variable name="ids" select="local:children(., 'affiliationId') ! normalize-space(.)"/>
          <xsl:for-each select="distinct-values($affiliations[normalize-space(@affiliationId) = $ids] ! normalize-space(.))[.]">
            <affiliation>{.}</affiliation>
          </xsl:for-each>
        </contributor>
      </xsl:for-each>
      <xsl:variable name="publisher" select="local:value(., 'publisher')"/>
      <xsl:if test="$publisher or $year">
        <publication>
          <xsl:if test="$publisher">
            <publisher>{$publisher}</publisher>
          </xsl:if>
          <xsl:if test="$year">
            <year>{$year}</year>
            <xsl:if test="matches($date, '^\d{4}-\d{2}(-\d{2})?$')">
              <date>{$date}</date>
            </xsl:if>
          </xsl:if>
        </publication>
      </xsl:if>
      <xsl:variable name="journal" select="local:value(., 'journalTitle')"/>
      <xsl:if test="$journal">
        <isPartOf>
          <title>{$journal}</title>
          <xsl:for-each select="f:issn-string(local:value(., 'issn'))">
            <issn>{.}</issn>
          </xsl:for-each>
          <xsl:for-each select="f:issn-string(local:value(., 'eissn'))">
            <eissn>{.}</eissn>
          </xsl:for-each>
          <xsl:sequence select="local:element('volume', local:value(., 'volume'))"/>
          <xsl:sequence select="local:element('issue', local:value(., 'issue'))"/>
          <xsl:variable name="first" select="local:value(., 'startPage')"/>
          <xsl:variable name="last" select="local:value(., 'endPage')"/>
          <xsl:sequence select="local:element('pages', if ($first and $last and $first ne $last) then $first || '-' || $last
                                                       else ($first[.], $last)[1])"/>
        </isPartOf>
      </xsl:if>
      <xsl:for-each select="distinct-values(local:children(., 'language') ! f:lang(string(.)))">
        <language>{.}</language>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(local:children(local:child(., 'keywords'), 'keyword') ! normalize-space(.))[.]">
        <subject scheme="keyword">{.}</subject>
      </xsl:for-each>
      <discipline>unknown</discipline>
      <xsl:variable name="abstract" select="local:child(., 'abstract')[normalize-space()]"/>
      <xsl:if test="$abstract">
        <description>
          <xsl:for-each select="f:lang(string(($abstract/@language, $abstract/@xml:lang)[1]))">
            <xsl:attribute name="language" select="."/>
          </xsl:for-each>
          <xsl:value-of select="normalize-space($abstract)"/>
        </description>
      </xsl:if>
      <xsl:variable name="full-text" select="(local:children(., 'fullTextUrl') ! normalize-space(.))[matches(., '^https?://\S+$', 'i')][1]"/>
      <xsl:variable name="url" select="($full-text, $doi ! ('https://doi.org/' || .))[1]"/>
      <xsl:variable name="local-id" select="($doi, normalize-space($source-identifier), normalize-space($record-id))[.][1]"/>
      <xsl:if test="$src and $url and $local-id">
        <holding library="{$src}" localId="{$local-id}" form="electronic" access="openAccess">
          <url>{$url}</url>
        </holding>
      </xsl:if>
      <xsl:call-template name="provenance"/>
    </record>
  </xsl:template>

  <!-- In the DOAJ namespace or unprefixed, as DOAJ's own records mix the two: unprefixed is in no
       namespace in a file of its own, in the OAI-PMH namespace inside an OAI-PMH response. -->
  <xsl:function name="local:doaj" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="namespace-uri($element) = ('http://doaj.org/features/oai_doaj/1.0/', '',
                                                     'http://www.openarchives.org/OAI/2.0/')"/>
  </xsl:function>

  <xsl:function name="local:children" as="element()*">
    <xsl:param name="parent" as="element()?"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="$parent/*[local-name() = $name][local:doaj(.)]"/>
  </xsl:function>

  <xsl:function name="local:child" as="element()?">
    <xsl:param name="parent" as="element()?"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="local:children($parent, $name)[1]"/>
  </xsl:function>

  <!-- The first such child's text, white space normalised; empty for none. -->
  <xsl:function name="local:value" as="xs:string">
    <xsl:param name="parent" as="element()?"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="normalize-space(local:children($parent, $name)[normalize-space()][1])"/>
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
