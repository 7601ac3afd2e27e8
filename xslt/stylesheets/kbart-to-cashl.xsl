<?xml version="1.0" encoding="UTF-8"?>
<!--
  kbart-to-cashl: one row of a KBART title list (NISO RP-9-2014, Phase II), as the hub's KBART reader
  writes it (namespace https://ns.cashl.edu.cn/kbart/v1: the Phase II columns as elements, any other
  column as <extra name="...">, and <coverage> with the row's dates, embargo and depth as the hub's
  coverage engine reads them), to a canonical CASHL record of type ejournal or ebook whose holdings
  are the package's: one electronic holding per licensing library (docs/efirst.md).

  Parameters (all strings, always passed, possibly empty): source, record-id, harvested-at, crosswalk,
  source-identifier, source-datestamp, and from the KBART source's licence: package (its name),
  libraries (the holding libraries, space-separated: the licensing members, or "cashl" for a
  consortium licence), access (licensed or openAccess), ill-electronic (true, false or empty).

  Such a record carries a title's holdings rather than describing an edition: deduplication attaches
  it to the master record of the journal or book it names (docs/deduplication.md), and it makes a
  master record of its own only when the catalogue has none.

  A row without a publication_title cannot be a CASHL record: the transformation stops with error
  code cashl:no-title.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:local="https://ns.cashl.edu.cn/xslt/kbart-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns:k="https://ns.cashl.edu.cn/kbart/v1"
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
  <xsl:param name="package" as="xs:string" select="''"/>
  <xsl:param name="libraries" as="xs:string" select="''"/>
  <xsl:param name="access" as="xs:string" select="''"/>
  <xsl:param name="ill-electronic" as="xs:string" select="''"/>

  <xsl:variable name="src" as="xs:string?" select="f:code($source)"/>

  <xsl:variable name="id" as="xs:string">
    <xsl:variable name="clean" select="replace(replace(normalize-space($record-id), '[^A-Za-z0-9._:\-]', '_'), '^[._:\-]+', '')"/>
    <xsl:sequence select="if ($clean) then substring($clean, 1, 256) else 'unidentified'"/>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:variable name="row" select="(//k:row)[1]"/>
    <xsl:if test="empty($row)">
      <xsl:message terminate="yes" error-code="cashl:no-title">not a KBART row</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$row"/>
  </xsl:template>

  <xsl:template match="k:row">
    <xsl:variable name="title" select="normalize-space(k:publication_title)"/>
    <xsl:if test="$title eq ''">
      <xsl:message terminate="yes" error-code="cashl:no-title">the row (line {@line}) has no publication_title</xsl:message>
    </xsl:if>
    <xsl:variable name="type" select="local:type(.)"/>
    <xsl:variable name="local-id" select="normalize-space(@id)"/>
    <record id="{$id}" type="{$type}" schemaVersion="1.1">
      <identifiers>
        <xsl:if test="$type eq 'ebook'">
          <xsl:variable name="isbns" select="(k:print_identifier, k:online_identifier)[normalize-space()] ! f:isbn(., ())"/>
          <xsl:sequence select="$isbns[not(string(.) = subsequence($isbns, 1, position() - 1) ! string(.))]"/>
        </xsl:if>
        <xsl:if test="$type eq 'ejournal'">
          <!-- ISSN-L from the extensions some lists carry (issn_l, linking_issn). -->
          <xsl:variable name="issns" select="(k:print_identifier, k:online_identifier, k:extra[@name = ('issn_l', 'linking_issn')])
                                             [normalize-space()] ! f:issn(.)"/>
          <xsl:sequence select="$issns[not(string(.) = subsequence($issns, 1, position() - 1) ! string(.))]"/>
        </xsl:if>
        <xsl:if test="$type eq 'ebook' and matches(normalize-space(k:title_id), '^10\.\d{4,9}/\S+$')">
          <doi>{normalize-space(k:title_id)}</doi>
        </xsl:if>
        <xsl:if test="$src and $local-id">
          <local source="{$src}">{$local-id}</local>
        </xsl:if>
      </identifiers>
      <title>
        <main>{$title}</main>
        <xsl:if test="$type eq 'ebook' and local:number(k:monograph_volume)">
          <partNumber>{normalize-space(k:monograph_volume)}</partNumber>
        </xsl:if>
      </title>
      <xsl:for-each select="k:first_author[normalize-space()]">
        <contributor kind="person" role="aut">
          <name>{normalize-space(.)}</name>
        </contributor>
      </xsl:for-each>
      <xsl:for-each select="k:first_editor[normalize-space()]">
        <contributor kind="person" role="edt">
          <name>{normalize-space(.)}</name>
        </contributor>
      </xsl:for-each>
      <!-- A first edition says nothing: print catalogues leave it out too, and deduplication compares editions. -->
      <xsl:variable name="edition" select="normalize-space(k:monograph_edition)"/>
      <xsl:variable name="publisher" select="normalize-space(k:publisher_name)"/>
      <!-- The print publication year: an e-book's online date is its platform's, not its edition's. -->
      <xsl:variable name="year" select="f:year(k:date_monograph_published_print)"/>
      <xsl:if test="$publisher or $year">
        <publication>
          <xsl:if test="$publisher">
            <publisher>{$publisher}</publisher>
          </xsl:if>
          <xsl:if test="$year">
            <year>{$year}</year>
          </xsl:if>
        </publication>
      </xsl:if>
      <xsl:if test="$type eq 'ebook' and $edition and not($edition = ('0', '1'))">
        <edition>{$edition}</edition>
      </xsl:if>
      <!-- The HSS filter decides from the hub's rules; a title list carries no classification. -->
      <discipline>unknown</discipline>
      <xsl:variable name="row" select="."/>
      <xsl:for-each select="distinct-values(tokenize($libraries) ! f:code(.))">
        <xsl:sequence select="local:holding($row, ., $local-id)"/>
      </xsl:for-each>
      <xsl:call-template name="provenance">
        <xsl:with-param name="identifier" select="$local-id"/>
      </xsl:call-template>
    </record>
  </xsl:template>

  <!-- ===================================================================== helpers -->

  <!-- serial or monograph as the row says (any case), else from the shape of its identifiers. -->
  <xsl:function name="local:type" as="xs:string">
    <xsl:param name="row" as="element()"/>
    <xsl:variable name="declared" select="lower-case(normalize-space($row/k:publication_type))"/>
    <xsl:variable name="ids" select="($row/k:print_identifier, $row/k:online_identifier) ! upper-case(replace(., '[\s\-]', ''))"/>
    <xsl:sequence select="
        if ($declared eq 'serial') then 'ejournal'
        else if ($declared eq 'monograph') then 'ebook'
        else if (some $i in $ids satisfies matches($i, '^\d{7}[\dX]$')) then 'ejournal'
        else if (some $i in $ids satisfies matches($i, '^(\d{9}[\dX]|\d{13})$')) then 'ebook'
        else 'ejournal'"/>
  </xsl:function>

  <!-- A monograph_volume worth naming: not empty and not 0 (lists write 0 for "not a volume"). -->
  <xsl:function name="local:number" as="xs:boolean">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="normalize-space($value) and not(normalize-space($value) = ('0', '00'))"/>
  </xsl:function>

  <!-- The row as one library's electronic holding: the package, how it is reached, its link and range. -->
  <xsl:function name="local:holding" as="element()">
    <xsl:param name="row" as="element()"/>
    <xsl:param name="library" as="xs:string"/>
    <xsl:param name="local-id" as="xs:string"/>
    <xsl:variable name="coverage" select="$row/k:coverage"/>
    <xsl:variable name="url" select="normalize-space($row/k:title_url)"/>
    <xsl:variable name="notes" select="normalize-space(string-join(($row/k:coverage_notes, $row/k:extra[@name = 'notes']), ' '))"/>
    <holding library="{$library}" localId="{if ($local-id) then $local-id else 'row'}" form="electronic">
      <xsl:if test="$src">
        <xsl:attribute name="source" select="$src"/>
      </xsl:if>
      <xsl:if test="normalize-space($package)">
        <xsl:attribute name="package" select="normalize-space($package)"/>
      </xsl:if>
      <!-- access_type F is a free title in a paid package: open access whatever the licence. -->
      <xsl:attribute name="access" select="if ($access eq 'openAccess' or $coverage/@free eq 'true') then 'openAccess' else 'licensed'"/>
      <xsl:if test="$ill-electronic = ('true', 'false')">
        <xsl:attribute name="illElectronic" select="$ill-electronic"/>
      </xsl:if>
      <xsl:if test="matches($url, '^https?://\S+$')">
        <url>{$url}</url>
      </xsl:if>
      <xsl:if test="$notes">
        <coverage>{$notes}</coverage>
      </xsl:if>
      <range>
        <xsl:if test="$coverage/@start">
          <xsl:attribute name="start" select="$coverage/@start"/>
        </xsl:if>
        <xsl:sequence select="local:attribute('startVolume', $row/k:num_first_vol_online)"/>
        <xsl:sequence select="local:attribute('startIssue', $row/k:num_first_issue_online)"/>
        <xsl:if test="$coverage/@end">
          <xsl:attribute name="end" select="$coverage/@end"/>
        </xsl:if>
        <xsl:sequence select="local:attribute('endVolume', $row/k:num_last_vol_online)"/>
        <xsl:sequence select="local:attribute('endIssue', $row/k:num_last_issue_online)"/>
        <xsl:if test="$coverage/@embargo">
          <xsl:attribute name="embargo" select="$coverage/@embargo"/>
        </xsl:if>
        <xsl:attribute name="depth" select="($coverage/@depth, 'fulltext')[1]"/>
      </range>
    </holding>
  </xsl:function>

  <xsl:function name="local:attribute" as="attribute()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <xsl:attribute name="{$name}" select="normalize-space($value)"/>
    </xsl:if>
  </xsl:function>

  <!-- One provenance entry, only when the parameters make a valid one. -->
  <xsl:template name="provenance">
    <xsl:param name="identifier" as="xs:string"/>
    <xsl:if test="$src and $identifier
                  and matches($harvested-at, '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$') and $harvested-at castable as xs:dateTime
                  and matches($crosswalk, '^[a-z0-9][a-z0-9_\-]*@[0-9]+$')">
      <provenance source="{$src}" sourceIdentifier="{$identifier}" harvestedAt="{$harvested-at}" crosswalk="{$crosswalk}"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
