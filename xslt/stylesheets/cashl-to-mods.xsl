<?xml version="1.0" encoding="UTF-8"?>
<!--
  cashl-to-mods: the canonical CASHL record (https://ns.cashl.edu.cn/record/v1) to MODS 3.6
  (metadataPrefix mods).

  Output: one mods:mods element, version 3.6, valid against
  http://www.loc.gov/standards/mods/v3/mods-3-6.xsd. Top-level elements come in the order the Library
  of Congress MARC to MODS conversion uses: titleInfo, name, typeOfResource, genre, originInfo,
  language, physicalDescription, abstract, subject, classification, relatedItem, identifier, location,
  accessCondition, recordInfo.

  Mapping decisions
  - titleInfo: title, subTitle, partNumber, partName. When the first language is English, a leading
    article ("The ", "An ", "A ") goes into nonSort, as MARC 245 second indicator counts it.
    Each variantTitle becomes a titleInfo by its type: translated and parallel titles type="translated"
    (as the Library of Congress MARC to MODS mapping treats 242 and 246 second indicator 1) with the
    title's language in lang, uniform type="uniform", abbreviated type="abbreviated", and a variant of
    unknown kind type="alternative".
  - name: type personal (person) or corporate (organisation); the name as catalogued in one namePart,
    the dates in namePart type="date", the relator code in role/roleTerm type="code"
    authority="marcrelator", each affiliation in affiliation, the ORCID iD as nameIdentifier
    type="orcid" in its URI form (https://orcid.org/..., as ORCID asks iDs to be shown). The first
    contributor gets usage="primary" when its role is aut, cre or absent: the same contributor is the
    1XX main entry of cashl-to-marcxml.
  - typeOfResource "text" for book, journal, article, ebook, ejournal; none for "other" (unknown).
  - genre authority="marcgt": book and ebook "book", journal and ejournal "periodical", article
    "article"; none for "other".
  - originInfo eventType="publication": place/placeTerm type="text", publisher, the year as dateIssued
    encoding="w3cdtf" keyDate="yes", then the transcribed date as a second dateIssued without encoding
    when it differs from the year, edition, issuance "monographic" (book, ebook) or "continuing"
    (journal, ejournal); no issuance for an article (a component part) or "other".
  - language: one language/languageTerm type="code" authority="iso639-2b" per code; the first has
    usage="primary" when there are several.
  - physicalDescription: form authority="marcform" "print" (book, journal) or "electronic" (ebook,
    ejournal), and the extent.
  - subject: authority = the scheme (rameau as its MARC source code "ram"; none for keyword or an
    absent scheme). The heading is split at the subdivision separator (a double hyphen between
    spaces) into one topic per subdivision: the record does not say whether a subdivision is
    topical, geographic, chronological or a form, so all are topic.
  - classification: authority = the scheme code as it stands (lcc, ddc, udc, clc, ...).
  - abstract: the description, with its language in lang.
  - relatedItem type="host" for isPartOf: titleInfo/title, identifier type="issn" for the print ISSN
    (displayLabel "print" when an online one is given too) and for the online ISSN (displayLabel
    "online"), identifier type="issn-l" for the linking ISSN, part/detail type="volume" and
    type="issue" with number, part/extent unit="pages" with start and end for a simple range,
    otherwise list. The hub's record of the journal (isPartOf/@record, set when the hub holds the
    journal, and relations of type partOf) is named as MODS names a related record held elsewhere,
    in the relatedItem's recordInfo/recordIdentifier with source "CASHL Hub" (hub ids are not URIs,
    so neither xlink:href nor identifier type="uri" fits); relations of type partOf make their own
    host relatedItem when there is no isPartOf.
  - relatedItem type="series": titleInfo/title, identifier type="issn", part/detail type="volume".
  - relatedItem type="otherFormat" for relations otherFormat: recordInfo/recordIdentifier with the hub
    id of the other record. replacedBy is not published (such a record is deleted).
  - identifier: isbn, issn, doi, oclc, lccn, local (displayLabel = the issuing source); invalid
    numbers carry invalid="yes"; the ISBN/ISSN qualifier ("pbk.") goes into displayLabel.
  - location, one per holding: physicalLocation = the library code, shelfLocator = the call number,
    url (displayLabel = the package of an electronic holding, note "Open access" for an open-access
    one), and holdingSimple/copyInformation with form (print or electronic) and the coverage, and the
    coverage ranges of an electronic holding as a holdings statement (lib/holdings.xsl), each as
    enumerationAndChronology unitType="1".
  - accessCondition type="use and reproduction": the licence, its URL also in xlink:href when it is
    one.
  - recordInfo: recordContentSource "CASHL Hub", recordIdentifier = record/@id, recordOrigin naming
    each provenance entry (source, identifier at the source, crosswalk, harvest time).
  - Not mapped: discipline (an internal filter verdict).
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:local="https://ns.cashl.edu.cn/xslt/cashl-to-mods"
                xmlns:h="https://ns.cashl.edu.cn/xslt/holdings"
                xmlns:mods="http://www.loc.gov/mods/v3"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xpath-default-namespace="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="xs local h xlink"
                expand-text="yes">

  <xsl:import href="lib/holdings.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="hub" as="xs:string" select="'CASHL Hub'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes" error-code="local:not-cashl">cashl-to-mods: the input is not a CASHL record ({name()})</xsl:message>
  </xsl:template>

  <xsl:template match="/record">
    <xsl:variable name="type" as="xs:string" select="normalize-space(@type)"/>
    <mods:mods version="3.6"
               xsi:schemaLocation="http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-6.xsd">

      <xsl:apply-templates select="title"/>
      <xsl:for-each select="variantTitle">
        <xsl:variable name="kind" as="xs:string" select="normalize-space(@type)"/>
        <mods:titleInfo type="{if ($kind = ('translated', 'parallel')) then 'translated'
                              else if ($kind = ('uniform', 'abbreviated')) then $kind
                              else 'alternative'}">
          <xsl:if test="normalize-space(@language)">
            <xsl:attribute name="lang" select="normalize-space(@language)"/>
          </xsl:if>
          <mods:title>{normalize-space(.)}</mods:title>
        </mods:titleInfo>
      </xsl:for-each>

      <xsl:apply-templates select="contributor"/>

      <xsl:if test="$type = ('book', 'journal', 'article', 'ebook', 'ejournal')">
        <mods:typeOfResource>text</mods:typeOfResource>
      </xsl:if>

      <xsl:variable name="genre" as="xs:string?" select="map {
          'book': 'book', 'ebook': 'book', 'journal': 'periodical', 'ejournal': 'periodical',
          'article': 'article' }($type)"/>
      <xsl:if test="exists($genre)">
        <mods:genre authority="marcgt">{$genre}</mods:genre>
      </xsl:if>

      <xsl:call-template name="originInfo">
        <xsl:with-param name="type" select="$type"/>
      </xsl:call-template>

      <xsl:for-each select="language">
        <mods:language>
          <xsl:if test="position() = 1 and last() gt 1">
            <xsl:attribute name="usage">primary</xsl:attribute>
          </xsl:if>
          <mods:languageTerm type="code" authority="iso639-2b">{normalize-space(.)}</mods:languageTerm>
        </mods:language>
      </xsl:for-each>

      <xsl:variable name="form" as="xs:string?" select="map {
          'book': 'print', 'journal': 'print', 'ebook': 'electronic', 'ejournal': 'electronic' }($type)"/>
      <xsl:if test="exists($form) or extent">
        <mods:physicalDescription>
          <xsl:if test="exists($form)">
            <mods:form authority="marcform">{$form}</mods:form>
          </xsl:if>
          <xsl:for-each select="extent">
            <mods:extent>{normalize-space(.)}</mods:extent>
          </xsl:for-each>
        </mods:physicalDescription>
      </xsl:if>

      <xsl:for-each select="description">
        <mods:abstract>
          <xsl:if test="normalize-space(@language)">
            <xsl:attribute name="lang" select="normalize-space(@language)"/>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </mods:abstract>
      </xsl:for-each>

      <xsl:apply-templates select="subject"/>

      <xsl:for-each select="classification">
        <mods:classification authority="{normalize-space(@scheme)}">{normalize-space(.)}</mods:classification>
      </xsl:for-each>

      <xsl:apply-templates select="isPartOf"/>
      <xsl:if test="empty(isPartOf)">
        <xsl:for-each select="relation[normalize-space(@type) = 'partOf']">
          <mods:relatedItem type="host">
            <xsl:call-template name="hub-record-id"/>
          </mods:relatedItem>
        </xsl:for-each>
      </xsl:if>
      <xsl:apply-templates select="series"/>
      <xsl:for-each select="relation[normalize-space(@type) = 'otherFormat']">
        <mods:relatedItem type="otherFormat">
          <xsl:call-template name="hub-record-id"/>
        </mods:relatedItem>
      </xsl:for-each>

      <xsl:apply-templates select="identifiers/*"/>

      <xsl:apply-templates select="holding"/>

      <xsl:for-each select="licence[normalize-space()]">
        <mods:accessCondition type="use and reproduction">
          <xsl:if test="matches(normalize-space(.), '^https?://\S+$')">
            <xsl:attribute name="xlink:href" select="normalize-space(.)"/>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </mods:accessCondition>
      </xsl:for-each>

      <mods:recordInfo>
        <mods:recordContentSource>{$hub}</mods:recordContentSource>
        <mods:recordIdentifier source="{$hub}">{normalize-space(@id)}</mods:recordIdentifier>
        <xsl:if test="provenance">
          <mods:recordOrigin>Converted by {$hub} from {
            if (count(provenance) gt 1) then count(provenance) || ' source records' else 'the source record'}: {
            string-join(provenance ! (normalize-space(@source) || ' ' || normalize-space(@sourceIdentifier)
              || ' (' || normalize-space(@crosswalk) || ', harvested ' || normalize-space(@harvestedAt) || ')'), '; ')
          }</mods:recordOrigin>
        </xsl:if>
      </mods:recordInfo>
    </mods:mods>
  </xsl:template>

  <!-- ================================================================== title -->

  <xsl:template match="title">
    <xsl:variable name="main" as="xs:string" select="normalize-space(main)"/>
    <xsl:variable name="nonfiling" as="xs:integer" select="local:nonfiling(.., $main)"/>
    <mods:titleInfo>
      <xsl:if test="$nonfiling gt 0">
        <mods:nonSort xml:space="preserve">{substring($main, 1, $nonfiling)}</mods:nonSort>
      </xsl:if>
      <mods:title>{substring($main, $nonfiling + 1)}</mods:title>
      <xsl:for-each select="sub">
        <mods:subTitle>{normalize-space(.)}</mods:subTitle>
      </xsl:for-each>
      <xsl:for-each select="partNumber">
        <mods:partNumber>{normalize-space(.)}</mods:partNumber>
      </xsl:for-each>
      <xsl:for-each select="partName">
        <mods:partName>{normalize-space(.)}</mods:partName>
      </xsl:for-each>
    </mods:titleInfo>
  </xsl:template>

  <!-- ================================================================ names -->

  <xsl:template match="contributor">
    <mods:name type="{if (normalize-space(@kind) = 'person') then 'personal' else 'corporate'}">
      <xsl:if test="local:is-main-entry(.)">
        <xsl:attribute name="usage">primary</xsl:attribute>
      </xsl:if>
      <mods:namePart>{normalize-space(name)}</mods:namePart>
      <xsl:for-each select="dates">
        <mods:namePart type="date">{normalize-space(.)}</mods:namePart>
      </xsl:for-each>
      <xsl:for-each select="affiliation">
        <mods:affiliation>{normalize-space(.)}</mods:affiliation>
      </xsl:for-each>
      <xsl:if test="normalize-space(@role)">
        <mods:role>
          <mods:roleTerm type="code" authority="marcrelator">{normalize-space(@role)}</mods:roleTerm>
        </mods:role>
      </xsl:if>
      <xsl:for-each select="orcid">
        <mods:nameIdentifier type="orcid">https://orcid.org/{normalize-space(.)}</mods:nameIdentifier>
      </xsl:for-each>
    </mods:name>
  </xsl:template>

  <!-- ============================================================ originInfo -->

  <xsl:template name="originInfo">
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="year" as="xs:string" select="normalize-space(publication/year)"/>
    <xsl:variable name="date" as="xs:string" select="normalize-space(publication/date)"/>
    <xsl:variable name="issuance" as="xs:string?" select="map {
        'book': 'monographic', 'ebook': 'monographic', 'journal': 'continuing', 'ejournal': 'continuing' }($type)"/>
    <xsl:if test="publication/* or edition or exists($issuance)">
      <mods:originInfo eventType="publication">
        <xsl:for-each select="publication/place">
          <mods:place>
            <mods:placeTerm type="text">{normalize-space(.)}</mods:placeTerm>
          </mods:place>
        </xsl:for-each>
        <xsl:for-each select="publication/publisher">
          <mods:publisher>{normalize-space(.)}</mods:publisher>
        </xsl:for-each>
        <xsl:if test="$year">
          <mods:dateIssued encoding="w3cdtf" keyDate="yes">{$year}</mods:dateIssued>
        </xsl:if>
        <xsl:if test="$date and $date != $year">
          <mods:dateIssued>{$date}</mods:dateIssued>
        </xsl:if>
        <xsl:for-each select="edition">
          <mods:edition>{normalize-space(.)}</mods:edition>
        </xsl:for-each>
        <xsl:if test="exists($issuance)">
          <mods:issuance>{$issuance}</mods:issuance>
        </xsl:if>
      </mods:originInfo>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== subjects -->

  <xsl:template match="subject">
    <xsl:variable name="scheme" as="xs:string" select="normalize-space(@scheme)"/>
    <xsl:variable name="terms" as="xs:string*" select="local:subdivisions(.)"/>
    <xsl:if test="exists($terms)">
      <mods:subject>
        <xsl:if test="not($scheme = ('', 'keyword'))">
          <xsl:attribute name="authority" select="if ($scheme = 'rameau') then 'ram' else $scheme"/>
        </xsl:if>
        <xsl:for-each select="$terms">
          <mods:topic>{.}</mods:topic>
        </xsl:for-each>
      </mods:subject>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================= related items -->

  <xsl:template match="isPartOf">
    <mods:relatedItem type="host">
      <mods:titleInfo>
        <mods:title>{normalize-space(title)}</mods:title>
      </mods:titleInfo>
      <xsl:for-each select="issn">
        <mods:identifier type="issn">
          <xsl:if test="../eissn">
            <xsl:attribute name="displayLabel">print</xsl:attribute>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </mods:identifier>
      </xsl:for-each>
      <xsl:for-each select="eissn">
        <mods:identifier type="issn" displayLabel="online">{normalize-space(.)}</mods:identifier>
      </xsl:for-each>
      <xsl:for-each select="issnL">
        <mods:identifier type="issn-l">{normalize-space(.)}</mods:identifier>
      </xsl:for-each>
      <xsl:if test="volume or issue or pages">
        <mods:part>
          <xsl:for-each select="volume, issue">
            <mods:detail type="{local-name()}">
              <mods:number>{normalize-space(.)}</mods:number>
            </mods:detail>
          </xsl:for-each>
          <xsl:for-each select="pages">
            <xsl:variable name="range" as="xs:string*"
                          select="analyze-string(normalize-space(.), '^([^\s\-–]+)\s*[\-–]\s*([^\s\-–]+)$')//*:group/string()"/>
            <mods:extent unit="pages">
              <xsl:choose>
                <xsl:when test="count($range) = 2">
                  <mods:start>{$range[1]}</mods:start>
                  <mods:end>{$range[2]}</mods:end>
                </xsl:when>
                <xsl:otherwise>
                  <mods:list>{normalize-space(.)}</mods:list>
                </xsl:otherwise>
              </xsl:choose>
            </mods:extent>
          </xsl:for-each>
        </mods:part>
      </xsl:if>
      <xsl:for-each select="distinct-values((@record, ../relation[normalize-space(@type) = 'partOf']/@target) ! normalize-space(.))[.]">
        <mods:recordInfo>
          <mods:recordIdentifier source="{$hub}">{.}</mods:recordIdentifier>
        </mods:recordInfo>
      </xsl:for-each>
    </mods:relatedItem>
  </xsl:template>

  <xsl:template match="series">
    <mods:relatedItem type="series">
      <mods:titleInfo>
        <mods:title>{normalize-space(title)}</mods:title>
      </mods:titleInfo>
      <xsl:for-each select="issn">
        <mods:identifier type="issn">{normalize-space(.)}</mods:identifier>
      </xsl:for-each>
      <xsl:for-each select="volume">
        <mods:part>
          <mods:detail type="volume">
            <mods:number>{normalize-space(.)}</mods:number>
          </mods:detail>
        </mods:part>
      </xsl:for-each>
    </mods:relatedItem>
  </xsl:template>

  <!-- The hub id of a related record (context: a relation). -->
  <xsl:template name="hub-record-id">
    <mods:recordInfo>
      <mods:recordIdentifier source="{$hub}">{normalize-space(@target)}</mods:recordIdentifier>
    </mods:recordInfo>
  </xsl:template>

  <!-- =========================================================== identifiers -->

  <xsl:template match="identifiers/*">
    <mods:identifier type="{local-name()}">
      <xsl:if test="local-name() = 'local'">
        <xsl:attribute name="displayLabel" select="normalize-space(@source)"/>
      </xsl:if>
      <xsl:if test="normalize-space(@qualifier)">
        <xsl:attribute name="displayLabel" select="normalize-space(@qualifier)"/>
      </xsl:if>
      <xsl:if test="normalize-space(@valid) = ('false', '0')">
        <xsl:attribute name="invalid">yes</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </mods:identifier>
  </xsl:template>

  <!-- ============================================================== holdings -->

  <xsl:template match="holding">
    <mods:location>
      <mods:physicalLocation>{normalize-space(@library)}</mods:physicalLocation>
      <xsl:for-each select="callNumber">
        <mods:shelfLocator>{normalize-space(.)}</mods:shelfLocator>
      </xsl:for-each>
      <xsl:for-each select="url">
        <mods:url>
          <xsl:if test="../@package">
            <xsl:attribute name="displayLabel" select="normalize-space(../@package)"/>
          </xsl:if>
          <xsl:if test="normalize-space(../@access) = 'openAccess'">
            <xsl:attribute name="note">Open access</xsl:attribute>
          </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </mods:url>
      </xsl:for-each>
      <mods:holdingSimple>
        <mods:copyInformation>
          <mods:form authority="marcform">{normalize-space(@form)}</mods:form>
          <xsl:for-each select="coverage">
            <mods:enumerationAndChronology unitType="1">{normalize-space(.)}</mods:enumerationAndChronology>
          </xsl:for-each>
          <xsl:for-each select="h:statement(.)">
            <mods:enumerationAndChronology unitType="1">{.}</mods:enumerationAndChronology>
          </xsl:for-each>
        </mods:copyInformation>
      </mods:holdingSimple>
    </mods:location>
  </xsl:template>

  <!-- ============================================================= functions -->

  <!-- The first contributor, when its role is aut, cre or absent: the main entry. -->
  <xsl:function name="local:is-main-entry" as="xs:boolean">
    <xsl:param name="contributor" as="element(contributor)"/>
    <xsl:sequence select="empty($contributor/preceding-sibling::contributor)
                          and normalize-space($contributor/@role) = ('', 'aut', 'cre')"/>
  </xsl:function>

  <!-- Length of a leading English article ("The ", "An ", "A "), when the first language is English. -->
  <xsl:function name="local:nonfiling" as="xs:integer">
    <xsl:param name="record" as="element(record)"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($record/language[1]) = 'eng' and matches($title, '^(The|An|A) \S'))
                          then string-length(substring-before($title, ' ')) + 1
                          else 0"/>
  </xsl:function>

  <!-- The parts of a heading, split at the subdivision separator (double hyphen between spaces). -->
  <xsl:function name="local:subdivisions" as="xs:string*">
    <xsl:param name="heading" as="xs:string"/>
    <xsl:sequence select="tokenize(normalize-space($heading), '\s+--\s+') ! normalize-space(.)[. != '']"/>
  </xsl:function>

</xsl:stylesheet>
