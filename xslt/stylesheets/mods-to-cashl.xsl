<?xml version="1.0" encoding="UTF-8"?>
<!--
  mods-to-cashl: MODS 3.x (http://www.loc.gov/mods/v3) to the canonical CASHL record
  (https://ns.cashl.edu.cn/record/v1).

  Input: one document whose root is mods:mods; if it is wrapped (modsCollection, an OAI-PMH response),
  the first mods:mods is used. Only the record's own elements are read: the names, subjects, locations
  and identifiers inside a relatedItem describe the related item, not this one.

  Parameters (all strings, always passed, possibly empty): source, record-id, harvested-at, crosswalk,
  source-identifier, source-datestamp. holdings-field is not used by this crosswalk.

  A record without a usable title cannot be a CASHL record: the transformation stops with
  xsl:message terminate="yes" and error code cashl:no-title, whose text the pipeline records as the
  quarantine reason.

  Mapping decisions are documented next to each part below.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:local="https://ns.cashl.edu.cn/xslt/mods-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns:mods="http://www.loc.gov/mods/v3"
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

  <!-- ============================================================ parameters, cleaned -->

  <!-- The source id as a schema Code; empty if it cannot be one (then nothing that needs it is output). -->
  <xsl:variable name="src" as="xs:string?" select="f:code($source)"/>

  <!-- record/@id must be a RecordId: characters outside [A-Za-z0-9._:-] become "_". -->
  <xsl:variable name="id" as="xs:string">
    <xsl:variable name="clean" select="replace(replace(normalize-space($record-id), '[^A-Za-z0-9._:\-]', '_'), '^[._:\-]+', '')"/>
    <xsl:sequence select="if ($clean) then substring($clean, 1, 256) else 'unidentified'"/>
  </xsl:variable>

  <!-- The record number within its source: the hub id without its "source:" prefix. -->
  <xsl:variable name="local-id" as="xs:string"
                select="normalize-space(if (contains($record-id, ':')) then substring-after($record-id, ':') else $record-id)"/>

  <!-- ======================================================================= record -->

  <xsl:template match="/">
    <xsl:variable name="mods" as="element(mods:mods)?" select="(//mods:mods)[1]"/>
    <xsl:if test="empty($mods)">
      <xsl:message terminate="yes" error-code="cashl:no-mods">record has no mods:mods element</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$mods"/>
  </xsl:template>

  <xsl:template match="mods:mods">
    <!-- Title: the first titleInfo without @type (usage="primary" first); a record whose titles all
         have a type (alternative, uniform...) takes the first of those. -->
    <xsl:variable name="title-info" as="element(mods:titleInfo)?"
                  select="(mods:titleInfo[not(@type)][@usage = 'primary'], mods:titleInfo[not(@type)], mods:titleInfo)
                          [local:title-text(.)][1]"/>
    <xsl:if test="empty($title-info)">
      <xsl:message terminate="yes" error-code="cashl:no-title">record has no mods:titleInfo/mods:title</xsl:message>
    </xsl:if>

    <xsl:variable name="type" as="xs:string" select="local:record-type(.)"/>

    <record id="{$id}" type="{$type}">
      <xsl:call-template name="identifiers"/>

      <!-- title: nonSort + title; subTitle, else the part after " : " in the title; partNumber, partName -->
      <xsl:variable name="full" select="local:title-text($title-info)"/>
      <xsl:variable name="sub" select="$title-info/mods:subTitle[f:trim-isbd(.)][1] ! f:trim-isbd(.)"/>
      <xsl:variable name="split" select="empty($sub) and contains($full, ' : ') and f:trim-isbd(substring-before($full, ' : '))
                                         and f:trim-isbd(substring-after($full, ' : '))"/>
      <title>
        <main>{if ($split) then f:trim-isbd(substring-before($full, ' : ')) else $full}</main>
        <xsl:choose>
          <xsl:when test="$sub">
            <sub>{$sub}</sub>
          </xsl:when>
          <xsl:when test="$split">
            <sub>{f:trim-isbd(substring-after($full, ' : '))}</sub>
          </xsl:when>
        </xsl:choose>
        <xsl:for-each select="$title-info/mods:partNumber[f:trim-isbd(.)][1]">
          <partNumber>{f:trim-isbd(.)}</partNumber>
        </xsl:for-each>
        <xsl:for-each select="$title-info/mods:partName[f:trim-isbd(.)][1]">
          <partName>{f:trim-isbd(.)}</partName>
        </xsl:for-each>
      </title>

      <!-- variant titles: every other titleInfo, as "title : subtitle. part number. part name" -->
      <xsl:for-each select="distinct-values((mods:titleInfo except $title-info)[local:title-text(.)] ! local:variant-text(.))[. ne $full]">
        <variantTitle>{.}</variantTitle>
      </xsl:for-each>

      <!-- series: relatedItem type="series"; volume from its part, ISSN if valid -->
      <xsl:for-each select="mods:relatedItem[@type = 'series'][mods:titleInfo[local:title-text(.)]]">
        <xsl:variable name="volume" select="(mods:part/mods:detail[@type = 'volume']/mods:number, mods:part/mods:detail/mods:number,
                                             mods:titleInfo/mods:partNumber)[normalize-space()][1] ! normalize-space(.)"/>
        <xsl:variable name="issn" select="mods:identifier[@type = 'issn'][normalize-space()][1] ! f:issn(.)"/>
        <series>
          <title>{local:title-text(mods:titleInfo[local:title-text(.)][1])}</title>
          <xsl:if test="$volume">
            <volume>{$volume}</volume>
          </xsl:if>
          <xsl:if test="$issn[not(@valid = 'false')]">
            <issn>{string($issn)}</issn>
          </xsl:if>
        </series>
      </xsl:for-each>

      <xsl:call-template name="contributors"/>
      <xsl:call-template name="publication"/>

      <!-- extent: every physicalDescription/extent, joined ISBD-fashion with " ; " -->
      <xsl:variable name="extents" select="distinct-values(mods:physicalDescription/mods:extent[f:trim-isbd(.)] ! f:trim-isbd(.))"/>
      <xsl:if test="exists($extents)">
        <extent>{string-join($extents, ' ; ')}</extent>
      </xsl:if>

      <xsl:call-template name="host">
        <xsl:with-param name="type" select="$type"/>
      </xsl:call-template>

      <!-- languages: per language element its code term, else its text term, through f:lang -->
      <xsl:variable name="languages" as="xs:string*">
        <xsl:for-each select="mods:language">
          <xsl:sequence select="(mods:languageTerm[@type = 'code'], mods:languageTerm[not(@type = 'code')])[f:lang(.)][1] ! f:lang(.)"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:for-each select="distinct-values($languages)">
        <language>{.}</language>
      </xsl:for-each>

      <xsl:call-template name="subjects"/>

      <!-- classification: only with an authority; its code is the scheme (lc/lcco are lcc, dewey is ddc) -->
      <xsl:for-each-group select="mods:classification[normalize-space()][local:scheme(@authority)]"
                          group-by="local:scheme(@authority) || '|' || normalize-space(.)">
        <classification scheme="{local:scheme(@authority)}">{normalize-space(.)}</classification>
      </xsl:for-each-group>

      <discipline>unknown</discipline>

      <!-- description: the first abstract, HTML removed -->
      <xsl:variable name="abstract" select="mods:abstract[local:plain-text(.)][1]"/>
      <xsl:if test="$abstract">
        <description>{local:plain-text($abstract)}</description>
      </xsl:if>

      <xsl:call-template name="holdings">
        <xsl:with-param name="type" select="$type"/>
      </xsl:call-template>
      <xsl:call-template name="provenance"/>
    </record>
  </xsl:template>

  <!-- ================================================================== identifiers -->

  <!-- isbn (invalid="yes" forces valid="false"), issn (and issn-l), oclc (digits), lccn (normalised, the
       first), doi (the first, resolver removed), and as local numbers of the source: identifiers of
       type local*, uri, hdl, handle, urn, uuid, ark, other or no type that are not URLs, and
       recordInfo/recordIdentifier. Other types (isrc, ismn, upc, matrix number...) are not record
       numbers and are left out. Duplicates are removed. -->
  <xsl:template name="identifiers">
    <xsl:variable name="ids" select="mods:identifier[normalize-space()]"/>
    <xsl:variable name="isbns" as="element()*">
      <xsl:for-each select="$ids[lower-case(@type) = 'isbn']">
        <xsl:variable name="isbn" select="f:isbn(., ())"/>
        <xsl:choose>
          <xsl:when test="@invalid = 'yes' and $isbn and not($isbn/@valid = 'false')">
            <!-- f:isbn converted it: keep the number as given instead, flagged -->
            <isbn valid="false">
              <xsl:sequence select="$isbn/@qualifier"/>
              <xsl:sequence select="upper-case(replace(replace(replace(normalize-space(.), '^ISBN[:\s]*', '', 'i'),
                                    '^([0-9Xx][0-9Xx\- ]*[0-9Xx]).*$', '$1'), '[\s\-]', ''))"/>
            </isbn>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$isbn"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="issns" as="element()*">
      <xsl:for-each select="$ids[lower-case(@type) = ('issn', 'issn-l')]">
        <xsl:variable name="issn" select="f:issn(.)"/>
        <xsl:choose>
          <xsl:when test="@invalid = 'yes' and $issn and not($issn/@valid = 'false')">
            <issn valid="false">{normalize-space(.)}</issn>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$issn"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="oclcs" select="$ids[lower-case(@type) = 'oclc'] ! replace(., '\D', '') ! replace(., '^0+', '')"/>
    <xsl:variable name="lccn" select="$ids[lower-case(@type) = 'lccn'][local:lccn(.)][1] ! local:lccn(.)"/>
    <xsl:variable name="doi" select="$ids[f:doi(.)][lower-case(@type) = 'doi' or matches(., '^\s*(doi:|https?://(dx\.)?doi\.org/)', 'i')][1] ! f:doi(.)"/>
    <xsl:variable name="locals" as="xs:string*"
                  select="($ids[not(@type) or matches(lower-case(@type), '^(local.*|uri|hdl|handle|urn|uuid|ark|other)$')]
                              [not(local:is-url(.))][not(f:doi(.))],
                           mods:recordInfo/mods:recordIdentifier[normalize-space()]) ! normalize-space(.)"/>
    <identifiers>
      <xsl:for-each-group select="$isbns" group-by="string(.)">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
      <xsl:for-each-group select="$issns" group-by="string(.)">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
      <xsl:for-each select="distinct-values($oclcs[. ne ''])">
        <oclc>{.}</oclc>
      </xsl:for-each>
      <xsl:if test="$lccn">
        <lccn>{$lccn}</lccn>
      </xsl:if>
      <xsl:if test="$doi">
        <doi>{$doi}</doi>
      </xsl:if>
      <xsl:if test="$src">
        <xsl:for-each select="distinct-values($locals)">
          <local source="{$src}">{.}</local>
        </xsl:for-each>
      </xsl:if>
    </identifiers>
  </xsl:template>

  <!-- An LCCN normalised as the LC-defined normalisation does: spaces and anything after "/" removed,
       the serial part after a hyphen left-padded with zeros to six digits; empty if not LCCN-shaped. -->
  <xsl:function name="local:lccn" as="xs:string?">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:variable name="s" select="replace(replace(lower-case($v), '\s+', ''), '/.*$', '')"/>
    <xsl:variable name="n" select="if (matches($s, '^[a-z]*\d+-\d+$'))
                                   then substring-before($s, '-') || substring('000000', 1, 6 - min((6, string-length(substring-after($s, '-'))))) || substring-after($s, '-')
                                   else $s"/>
    <xsl:sequence select="if (matches($n, '^[a-z]{0,3}\d{8,10}$')) then $n else ()"/>
  </xsl:function>

  <!-- ================================================================== record type -->

  <!-- The record type from typeOfResource, genre (any authority) and originInfo/issuance:
       1. a genre saying article (journal article, article...) → article;
       2. a non-text typeOfResource (still image, sound recording, cartographic, moving image,
          software, notated music, three dimensional object, mixed material) → other;
       3. a genre saying periodical, journal, serial, newspaper or magazine, or issuance continuing or
          serial → journal;
       4. a textual record whose host relatedItem is a serial (it has an ISSN, or issuance continuing
          or serial, or a serial genre) → article;
       5. a genre saying book, monograph, thesis, dissertation, report, or typeOfResource text,
          or issuance monographic / multipart monograph / single unit with no non-text
          typeOfResource → book;
       6. anything else → other.
       A book or journal is an ebook or ejournal when physicalDescription/form says electronic (or
       online resource) or digitalOrigin says born digital. -->
  <xsl:function name="local:record-type" as="xs:string">
    <xsl:param name="m" as="element(mods:mods)"/>
    <xsl:variable name="resource" select="$m/mods:typeOfResource[normalize-space()] ! lower-case(normalize-space(.))"/>
    <xsl:variable name="genres" select="$m/mods:genre[normalize-space()] ! lower-case(normalize-space(.))"/>
    <xsl:variable name="issuance" select="$m/mods:originInfo/mods:issuance[normalize-space()] ! lower-case(normalize-space(.))"/>
    <xsl:variable name="non-text" select="some $r in $resource satisfies
        matches($r, 'image|sound|cartographic|software|multimedia|music|three dimensional|object|mixed material|video|film')"/>
    <xsl:variable name="text" select="$resource = 'text' or (some $r in $resource satisfies starts-with($r, 'text'))"/>
    <xsl:variable name="serial-genre" select="'periodical|journal|serial|newspaper|magazine|gazette'"/>
    <xsl:variable name="host" select="$m/mods:relatedItem[@type = 'host']"/>
    <xsl:variable name="serial-host" select="exists($host[mods:identifier[lower-case(@type) = ('issn', 'issn-l')][normalize-space()]
        or mods:originInfo/mods:issuance[lower-case(normalize-space(.)) = ('continuing', 'serial')]
        or (some $g in mods:genre satisfies matches(lower-case($g), $serial-genre))])"/>
    <xsl:variable name="base" as="xs:string">
      <xsl:choose>
        <xsl:when test="some $g in $genres satisfies contains($g, 'article')">article</xsl:when>
        <xsl:when test="$non-text and not($text)">other</xsl:when>
        <xsl:when test="(some $g in $genres satisfies matches($g, $serial-genre)) or $issuance = ('continuing', 'serial')">journal</xsl:when>
        <xsl:when test="$serial-host and ($text or empty($resource))">article</xsl:when>
        <xsl:when test="(some $g in $genres satisfies matches($g, 'book|monograph|thes[ie]s|dissertation|report|proceedings'))
                        or $text
                        or ($issuance = ('monographic', 'multipart monograph', 'single unit') and not($non-text))">book</xsl:when>
        <xsl:otherwise>other</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="electronic" select="
        (some $f in $m/mods:physicalDescription/mods:form satisfies lower-case(normalize-space($f)) = ('electronic', 'online resource', 'remote'))
        or (some $d in $m/mods:physicalDescription/mods:digitalOrigin satisfies lower-case(normalize-space($d)) = 'born digital')"/>
    <xsl:sequence select="if ($electronic and $base = 'book') then 'ebook'
                          else if ($electronic and $base = 'journal') then 'ejournal'
                          else $base"/>
  </xsl:function>

  <!-- ================================================================= contributors -->

  <!-- Each name of the record (not of its related items): personal → person, corporate or
       conference → organisation, family → person (MARC X00); no type → person unless the name
       reads as a corporate body (University, Society, 大学...). The name: family and given parts as
       "family, given", else the untyped parts in order (a corporate hierarchy joined with ". ", other
       names with " "), else displayForm; termsOfAddress follows after ", ". Dates: namePart
       type="date", else for a person the dates ending the name as catalogued ("Hu, Shi, 1891-1962", "Kay, John (1742-1826)").
       Role: the first roleTerm that f:relator maps, codes before text. -->
  <xsl:variable name="dates-re" select="'^(.*\S)(,\s*|\s+\()((b\.|d\.|fl\.)\s*\d{3,4}\??|(ca\.\s*)?\d{3,4}\??-((ca\.\s*)?\d{3,4}\??)?)\)?$'"/>

  <xsl:template name="contributors">
    <xsl:for-each select="mods:name">
      <xsl:variable name="name" select="local:name-text(.)"/>
      <xsl:if test="$name">
        <xsl:variable name="kind" select="if (@type = ('corporate', 'conference')) then 'organisation'
                                          else if (@type = ('personal', 'family')) then 'person'
                                          else if (local:is-organisation($name)) then 'organisation'
                                          else 'person'"/>
        <xsl:variable name="role" select="(mods:role/mods:roleTerm[@type = 'code'], mods:role/mods:roleTerm[not(@type = 'code')])
                                          [f:relator(.)][1] ! f:relator(.)"/>
        <xsl:variable name="date-part" select="mods:namePart[@type = 'date'][normalize-space()][1] ! normalize-space(.)"/>
        <xsl:variable name="split" select="$kind = 'person' and empty($date-part) and matches($name, $dates-re)"/>
        <xsl:variable name="dates" select="if ($split) then replace($name, $dates-re, '$3') else $date-part"/>
        <contributor kind="{$kind}">
          <xsl:if test="$role">
            <xsl:attribute name="role" select="$role"/>
          </xsl:if>
          <name>{if ($split) then f:trim-isbd(replace($name, $dates-re, '$1')) else $name}</name>
          <xsl:if test="$dates">
            <dates>{$dates}</dates>
          </xsl:if>
        </contributor>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The text of a mods:name (see contributors), ISBD punctuation trimmed; empty if none. -->
  <xsl:function name="local:name-text" as="xs:string?">
    <xsl:param name="n" as="element(mods:name)"/>
    <xsl:variable name="family" select="string-join($n/mods:namePart[@type = 'family'][normalize-space()] ! f:trim-isbd(.), ' ')"/>
    <xsl:variable name="given" select="string-join($n/mods:namePart[@type = 'given'][normalize-space()] ! f:trim-isbd(.), ' ')"/>
    <xsl:variable name="parts" select="$n/mods:namePart[not(@type)][f:trim-isbd(.)] ! f:trim-isbd(.)"/>
    <xsl:variable name="base" select="
        if ($family and $given) then $family || ', ' || $given
        else if ($family or $given) then $family || $given
        else if (exists($parts)) then
          (if ($n/@type = ('corporate', 'conference')) then replace(string-join($parts, '. '), '\.\. ', '. ') else string-join($parts, ' '))
        else string($n/mods:displayForm[normalize-space()][1])"/>
    <xsl:variable name="address" select="string-join($n/mods:namePart[@type = 'termsOfAddress'][normalize-space()] ! f:trim-isbd(.), ', ')"/>
    <xsl:sequence select="f:trim-isbd(if ($base and $address) then $base || ', ' || $address else $base)"/>
  </xsl:function>

  <!-- ================================================================== publication -->

  <!-- From the first originInfo (not eventType production/manufacture/... first) that has a place,
       publisher, date or edition: place = placeTerm that is not a code (type="text" or no type, not a
       marccountry/iso3166 authority); publisher; date: dateIssued, else dateCreated, else copyrightDate:
       year = f:year of the keyDate="yes" one, else of the first that has a year; date = the first such
       date without @encoding (as transcribed, ISBD punctuation trimmed), else the one the year came from.
       edition. -->
  <xsl:template name="publication">
    <xsl:variable name="candidates" select="mods:originInfo[mods:place/mods:placeTerm[normalize-space()] or mods:publisher[normalize-space()]
                                            or mods:dateIssued[normalize-space()] or mods:dateCreated[normalize-space()]
                                            or mods:copyrightDate[normalize-space()] or mods:edition[normalize-space()]]"/>
    <xsl:variable name="oi" select="($candidates[not(@eventType) or @eventType = 'publication'], $candidates)[1]"/>
    <xsl:variable name="place" select="$oi/mods:place/mods:placeTerm[not(@type = 'code')]
                                       [not(lower-case(@authority) = ('marccountry', 'iso3166', 'iso3166-1', 'iso3166-2'))]
                                       [f:trim-isbd(.)][1] ! f:trim-isbd(.)"/>
    <xsl:variable name="publisher" select="$oi/mods:publisher[f:trim-isbd(.)][1] ! f:trim-isbd(.)"/>
    <xsl:variable name="dates" select="($oi/mods:dateIssued, $oi/mods:dateCreated, $oi/mods:copyrightDate)[normalize-space()]"/>
    <xsl:variable name="date-kind" select="$dates[1]/local-name()"/>
    <xsl:variable name="same-kind" select="$dates[local-name() = $date-kind]"/>
    <xsl:variable name="year-date" select="($same-kind[@keyDate = 'yes'][f:year(.)], $same-kind[f:year(.)])[1]"/>
    <xsl:variable name="year" select="f:year($year-date)"/>
    <xsl:variable name="date" select="($same-kind[not(@encoding)][not(@point = 'end')][f:trim-isbd(.)], $year-date)[1] ! f:trim-isbd(.)"/>
    <xsl:if test="$place or $publisher or $year or $date">
      <publication>
        <xsl:if test="$place">
          <place>{$place}</place>
        </xsl:if>
        <xsl:if test="$publisher">
          <publisher>{$publisher}</publisher>
        </xsl:if>
        <xsl:if test="$year">
          <year>{$year}</year>
        </xsl:if>
        <xsl:if test="$date">
          <date>{$date}</date>
        </xsl:if>
      </publication>
    </xsl:if>
    <xsl:variable name="edition" select="($oi/mods:edition, mods:originInfo/mods:edition)[f:trim-isbd(.)][1] ! f:trim-isbd(.)"/>
    <xsl:if test="$edition">
      <edition>{$edition}</edition>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================================= host -->

  <!-- isPartOf from the first relatedItem type="host" with a title: ISSN (if valid), volume, issue and
       pages from its part (detail type volume; issue or number; extent unit page(s) as start-end, or
       list, or detail type page), each missing value taken from the record's own part. Output for
       articles; for other types only when the host carries an ISSN or numbering, so that the digital
       collection a photograph belongs to does not pose as a journal. -->
  <xsl:template name="host">
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="host" select="mods:relatedItem[@type = 'host'][mods:titleInfo[local:title-text(.)]][1]"/>
    <xsl:if test="$host">
      <xsl:variable name="parts" select="($host/mods:part, mods:part)"/>
      <xsl:variable name="issn" select="$host/mods:identifier[lower-case(@type) = ('issn', 'issn-l')][normalize-space()][1] ! f:issn(.)"/>
      <xsl:variable name="volume" select="$parts/mods:detail[@type = 'volume']/mods:number[normalize-space()][1] ! normalize-space(.)"/>
      <xsl:variable name="issue" select="$parts/mods:detail[@type = ('issue', 'number')]/mods:number[normalize-space()][1] ! normalize-space(.)"/>
      <xsl:variable name="pages" select="($parts/mods:extent[@unit = ('page', 'pages', 'p', 'pp')] ! local:page-range(.),
                                          $parts/mods:detail[@type = ('page', 'pages')]/mods:number[normalize-space()] ! normalize-space(.))[1]"/>
      <xsl:if test="$type = 'article' or $issn[not(@valid = 'false')] or $volume or $issue or $pages">
        <isPartOf>
          <title>{local:title-text($host/mods:titleInfo[local:title-text(.)][1])}</title>
          <xsl:if test="$issn[not(@valid = 'false')]">
            <issn>{string($issn)}</issn>
          </xsl:if>
          <xsl:if test="$volume">
            <volume>{$volume}</volume>
          </xsl:if>
          <xsl:if test="$issue">
            <issue>{$issue}</issue>
          </xsl:if>
          <xsl:if test="$pages">
            <pages>{$pages}</pages>
          </xsl:if>
        </isPartOf>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A part/extent as pages: "start-end", "start", or its list; empty if none. -->
  <xsl:function name="local:page-range" as="xs:string?">
    <xsl:param name="e" as="element(mods:extent)"/>
    <xsl:variable name="start" select="normalize-space($e/mods:start)"/>
    <xsl:variable name="end" select="normalize-space($e/mods:end)"/>
    <xsl:variable name="list" select="normalize-space($e/mods:list)"/>
    <xsl:sequence select="(if ($start and $end and $start ne $end) then $start || '-' || $end
                           else if ($start) then $start
                           else if ($list) then $list
                           else if ($end) then $end
                           else ())[. ne '']"/>
  </xsl:function>

  <!-- ===================================================================== subjects -->

  <!-- Each subject of the record: its topic, geographic, temporal, name, titleInfo, occupation,
       hierarchicalGeographic and genre children joined with a spaced double hyphen in document order
       (a name with its dates, "Smith, Adam, 1723-1790"); a subject made
       only of genre (a form, not a subject) is skipped. Scheme: f:code of the subject's @authority,
       else of its first child's; absent otherwise. Duplicates are removed. -->
  <xsl:template name="subjects">
    <xsl:variable name="subjects" as="element()*">
      <xsl:for-each select="mods:subject[mods:topic or mods:geographic or mods:temporal or mods:name or mods:titleInfo
                                         or mods:occupation or mods:hierarchicalGeographic]">
        <xsl:variable name="terms" as="xs:string*">
          <xsl:for-each select="mods:topic | mods:geographic | mods:temporal | mods:name | mods:titleInfo | mods:occupation
                                | mods:hierarchicalGeographic | mods:genre">
            <xsl:sequence select="if (self::mods:name) then string-join((local:name-text(.), mods:namePart[@type = 'date'][normalize-space()][1] ! normalize-space(.)), ', ')
                                  else if (self::mods:titleInfo) then local:title-text(.)
                                  else if (self::mods:hierarchicalGeographic) then string-join(*[f:trim-isbd(.)] ! f:trim-isbd(.), ' -- ')
                                  else f:trim-isbd(.)"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="heading" select="string-join($terms[normalize-space()], ' -- ')"/>
        <xsl:variable name="scheme" select="(@authority, *[@authority][1]/@authority)[f:code(.)][1] ! f:code(.)"/>
        <xsl:if test="normalize-space($heading)">
          <subject>
            <xsl:if test="$scheme">
              <xsl:attribute name="scheme" select="$scheme"/>
            </xsl:if>
            <xsl:sequence select="$heading"/>
          </subject>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each-group select="$subjects" group-by="string(@scheme) || '|' || string(.)">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:template>

  <!-- A classification scheme code from a MODS authority: lcc (also lc, lcco), ddc (also dewey), udc,
       clc (also cclc), or f:code of any other authority; empty without one. -->
  <xsl:function name="local:scheme" as="xs:string?">
    <xsl:param name="authority" as="xs:string?"/>
    <xsl:variable name="code" select="f:code($authority)"/>
    <xsl:sequence select="if ($code = ('lcc', 'lc', 'lcco')) then 'lcc'
                          else if ($code = ('ddc', 'dewey')) then 'ddc'
                          else if ($code = ('clc', 'cclc')) then 'clc'
                          else $code"/>
  </xsl:function>

  <!-- ===================================================================== holdings -->

  <!-- One holding per location that has a usable URL or a physicalLocation/shelfLocator. Library: the
       source, unless the physicalLocation has an @authority (e.g. marcorg) or is a short code-like
       value ("PKU-LAW"), then its f:code; a physicalLocation with a @type other than repository or
       current (a box or container number) is not a library. callNumber: shelfLocator (also inside
       holdingSimple/copyInformation). URL: the location's url with access "object in context" first,
       then usage "primary...", then "raw object", then one without @access; "preview" links
       (thumbnails) are never used. coverage: the holdingSimple/copyInformation/enumerationAndChronology
       statements (a serial's holdings), joined with "; ". Holdings that fall on the same (library, localId) are merged: the
       best URL of the group, the first call number; electronic if there is a URL, except that a
       holding with a call number stays print unless the record is electronic (type ebook or ejournal,
       or physicalDescription/form electronic): its URL is then the OPAC record or a digitised copy. With no location,
       one holding of the source: electronic with the first URL identifier if there is one, else print. -->
  <xsl:template name="holdings">
    <xsl:param name="type" as="xs:string"/>
    <xsl:if test="$src and $local-id">
      <!-- the record describes a physical item: a shelved copy with a link stays print (the link is
           then typically the OPAC record or a digitised copy) -->
      <xsl:variable name="print" select="not($type = ('ebook', 'ejournal'))
          and not(mods:physicalDescription/mods:form[lower-case(normalize-space(.)) = ('electronic', 'online resource', 'remote')])"/>
      <xsl:variable name="candidates" as="element()*">
        <xsl:for-each select="mods:location">
          <xsl:variable name="urls" select="mods:url[local:is-url(.)][not(@access = 'preview')]"/>
          <xsl:variable name="best" select="($urls[@access = 'object in context'], $urls[starts-with(@usage, 'primary')],
                                             $urls[@access = 'raw object'], $urls[not(@access)])[1]"/>
          <xsl:variable name="call-number" select="(mods:shelfLocator, mods:holdingSimple/mods:copyInformation/mods:shelfLocator)
                                                   [normalize-space()][1] ! normalize-space(.)"/>
          <xsl:variable name="library-location" select="mods:physicalLocation[not(@type) or @type = ('repository', 'current')]
                                                        [normalize-space(@authority) or matches(normalize-space(.), '^[A-Za-z][A-Za-z0-9_.\-]{0,15}$')]
                                                        [f:code(.)][1]"/>
          <xsl:variable name="coverage" select="mods:holdingSimple/mods:copyInformation/mods:enumerationAndChronology
                                                [normalize-space()] ! normalize-space(.)"/>
          <xsl:if test="$best or $call-number">
            <holding library="{($library-location ! f:code(.), $src)[1]}" localId="{$local-id}">
              <xsl:if test="$best">
                <xsl:attribute name="rank" select="index-of(('object in context', 'primary', 'raw object', ''),
                    if ($best/@access = 'object in context') then 'object in context'
                    else if (starts-with($best/@usage, 'primary')) then 'primary'
                    else string($best/@access))"/>
              </xsl:if>
              <xsl:if test="$call-number">
                <callNumber>{$call-number}</callNumber>
              </xsl:if>
              <xsl:if test="$best">
                <url>{local:clean-url($best)}</url>
              </xsl:if>
              <xsl:if test="exists($coverage)">
                <coverage>{string-join($coverage, '; ')}</coverage>
              </xsl:if>
            </holding>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:for-each-group select="$candidates" group-by="@library || ' ' || @localId">
        <xsl:variable name="url" select="(for $h in sort(current-group()[cashl:url], (), function($h) { xs:integer($h/@rank) }) return $h/cashl:url)[1]"/>
        <holding library="{@library}" localId="{@localId}"
                 form="{if ($url and not(current-group()/cashl:callNumber and $print)) then 'electronic' else 'print'}">
          <xsl:sequence select="(current-group()/cashl:callNumber)[1]"/>
          <xsl:sequence select="$url"/>
          <xsl:sequence select="(current-group()/cashl:coverage)[1]"/>
        </holding>
      </xsl:for-each-group>
      <xsl:if test="empty($candidates)">
        <xsl:variable name="url" select="mods:identifier[local:is-url(.)][1]"/>
        <holding library="{$src}" localId="{$local-id}" form="{if ($url) then 'electronic' else 'print'}">
          <xsl:if test="$url">
            <url>{local:clean-url($url)}</url>
          </xsl:if>
        </holding>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ======================================================================= helpers -->

  <!-- The text of a titleInfo: nonSort + title (a space between them unless the nonSort ends in an
       apostrophe or a space, as in "L'" or "The "), ISBD punctuation trimmed; empty if no title. -->
  <xsl:function name="local:title-text" as="xs:string?">
    <xsl:param name="t" as="element(mods:titleInfo)?"/>
    <xsl:variable name="title" select="f:trim-isbd(string-join($t/mods:title, ' '))"/>
    <xsl:variable name="non-sort" select="string($t/mods:nonSort[1])"/>
    <xsl:variable name="joined" select="if (not(normalize-space($non-sort))) then $title
                                        else if (matches($non-sort, '[''’\s]$')) then normalize-space($non-sort) || (if (matches($non-sort, '\s$')) then ' ' else '') || $title
                                        else normalize-space($non-sort) || ' ' || $title"/>
    <xsl:sequence select="if ($title) then f:trim-isbd($joined) else ()"/>
  </xsl:function>

  <!-- A variant title: "title : subtitle. part number. part name". -->
  <xsl:function name="local:variant-text" as="xs:string?">
    <xsl:param name="t" as="element(mods:titleInfo)"/>
    <xsl:variable name="sub" select="$t/mods:subTitle[f:trim-isbd(.)][1] ! f:trim-isbd(.)"/>
    <xsl:variable name="parts" select="$t/(mods:partNumber | mods:partName)[f:trim-isbd(.)] ! f:trim-isbd(.)"/>
    <xsl:sequence select="string-join((local:title-text($t) || (if ($sub) then ' : ' || $sub else ''), $parts), '. ')"/>
  </xsl:function>

  <!-- Is this value an absolute URL the hub can link to (http, https, ftp)? -->
  <xsl:function name="local:is-url" as="xs:boolean">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($v), '^(https?|ftp)://\S+$', 'i')"/>
  </xsl:function>

  <!-- A URL with surrounding whitespace removed. -->
  <xsl:function name="local:clean-url" as="xs:string">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:sequence select="normalize-space($v)"/>
  </xsl:function>

  <!-- Does an untyped name look like a corporate body rather than a person? -->
  <xsl:function name="local:is-organisation" as="xs:boolean">
    <xsl:param name="name" as="xs:string?"/>
    <xsl:sequence select="matches($name,
        '(^|\W)(universit(y|ies|é|e|ät|at|à|ario|eit|ade|ad)|institut(e|o|ion)?|association|society|soci[ée]t[ée]|press|library|libraries|ministry|department|dept\.|council|committee|commission|cent(er|re)|college|school|academy|acad[ée]mie|foundation|organi[sz]ation|corporation|company|co\.?|inc\.?|ltd\.?|gmbh|agency|office|bureau|board|government|museum|laborator(y|ies)|consortium|federation|survey|publishers?|verlag|[ée]ditions|city of|county)(\W|$)', 'i')
        or matches($name, '大学|學院|学院|研究所|研究院|研究中心|学会|學會|协会|協會|出版社|图书馆|圖書館|委员会|委員會|科学院|科學院|政府|公司|集团|編輯部|编辑部|中心$|部$|局$')"/>
  </xsl:function>

  <!-- Text with HTML markup and the commonest HTML entities removed, whitespace normalised. -->
  <xsl:function name="local:plain-text" as="xs:string">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:variable name="no-tags" select="replace($v, '&lt;/?[a-zA-Z][^&gt;]*&gt;', ' ')"/>
    <xsl:variable name="no-entities" select="replace(replace(replace(replace(replace(replace($no-tags,
        '&amp;nbsp;', ' '), '&amp;lt;', '&lt;'), '&amp;gt;', '&gt;'), '&amp;quot;', '&quot;'), '&amp;#0?39;|&amp;apos;', ''''), '&amp;amp;', '&amp;')"/>
    <xsl:sequence select="normalize-space(replace($no-entities, '&#xA0;', ' '))"/>
  </xsl:function>

  <!-- =================================================================== provenance -->

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
