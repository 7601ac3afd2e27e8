<?xml version="1.0" encoding="UTF-8"?>
<!--
  oai_dc-to-cashl: simple Dublin Core (OAI-PMH oai_dc, with the common dcterms: elements some feeds add)
  to the canonical CASHL record (https://ns.cashl.edu.cn/record/v1).

  Input: one document whose root is oai_dc:dc. If the record is wrapped (an OAI-PMH response, a
  <metadata> element...), the first oai_dc:dc is used, else the first element called "dc" holding
  dc:/dcterms: elements, else the first element holding a dc:title.

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
                xmlns:local="https://ns.cashl.edu.cn/xslt/oai_dc-to-cashl"
                xmlns:cashl="https://ns.cashl.edu.cn/record/v1"
                xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:dcterms="http://purl.org/dc/terms/"
                xmlns:bibo="http://purl.org/ontology/bibo/"
                xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
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

  <!-- ====================================================================== helpers -->

  <!-- Is this value an absolute URL the hub can link to (http, https, ftp)? -->
  <xsl:function name="local:is-url" as="xs:boolean">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($v), '^(https?|ftp)://\S+$', 'i')"/>
  </xsl:function>

  <!-- Does a name look like a corporate body rather than a person? -->
  <xsl:function name="local:is-organisation" as="xs:boolean">
    <xsl:param name="name" as="xs:string?"/>
    <xsl:sequence select="matches($name,
        '(^|\W)(universit(y|ies|é|e|ät|at|à|ario|eit|ade|ad)|institut(e|o|ion)?|association|society|soci[ée]t[ée]|press|library|libraries|ministry|department|dept\.|council|committee|commission|cent(er|re)|college|school|academy|acad[ée]mie|foundation|organi[sz]ation|corporation|company|co\.?|inc\.?|ltd\.?|gmbh|agency|office|bureau|board|government|museum|laborator(y|ies)|consortium|federation|survey|publishers?|verlag|[ée]ditions)(\W|$)', 'i')
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

  <!-- ======================================================================= record -->

  <xsl:template match="/">
    <xsl:variable name="dc" as="element()?"
                  select="(//oai_dc:dc, //*[local-name() = 'dc'][dc:* or dcterms:*], //*[dc:title or dcterms:title])[1]"/>
    <xsl:if test="empty($dc)">
      <xsl:message terminate="yes" error-code="cashl:no-dc">record has no oai_dc:dc element</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$dc" mode="record"/>
  </xsl:template>

  <xsl:template match="*" mode="record">
    <xsl:variable name="dc" select="."/>

    <!-- Every value is looked at with normalised whitespace; empty elements are ignored throughout. -->
    <xsl:variable name="titles" as="xs:string*"
                  select="(dc:title | dcterms:title)[f:trim-isbd(.)] ! normalize-space(.)"/>
    <xsl:if test="empty($titles)">
      <xsl:message terminate="yes" error-code="cashl:no-title">record has no dc:title</xsl:message>
    </xsl:if>

    <!-- Identifier values (dc:identifier, dcterms:identifier), classified. -->
    <xsl:variable name="id-values" as="xs:string*"
                  select="(dc:identifier | dcterms:identifier)[normalize-space()] ! normalize-space(.)"/>
    <xsl:variable name="urls" as="xs:string*" select="$id-values[local:is-url(.)]"/>
    <xsl:variable name="identifiers" as="element()*">
      <xsl:for-each select="$id-values">
        <xsl:sequence select="local:identifier(.)"/>
      </xsl:for-each>
    </xsl:variable>

    <xsl:variable name="type" as="xs:string" select="local:record-type($dc, exists($identifiers[self::cashl:isbn]), exists($urls))"/>

    <record id="{$id}" type="{$type}">
      <identifiers>
        <xsl:for-each-group select="$identifiers[self::cashl:isbn]" group-by="string(.)">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
        <xsl:for-each-group select="$identifiers[self::cashl:issn]" group-by="string(.)">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
        <xsl:for-each-group select="$identifiers[self::cashl:oclc]" group-by="string(.)">
          <xsl:sequence select="current-group()[1]"/>
        </xsl:for-each-group>
        <!-- DOI: one only, the first. -->
        <xsl:sequence select="$identifiers[self::cashl:doi][1]"/>
        <xsl:if test="$src">
          <xsl:for-each select="distinct-values($identifiers[self::cashl:local])">
            <local source="{$src}">{.}</local>
          </xsl:for-each>
        </xsl:if>
      </identifiers>

      <!-- Title: the first dc:title; " : " separates the other title information (ISBD). -->
      <xsl:variable name="title" select="$titles[1]"/>
      <xsl:variable name="main" select="if (contains($title, ' : ')) then f:trim-isbd(substring-before($title, ' : ')) else ()"/>
      <xsl:variable name="sub" select="if ($main) then f:trim-isbd(substring-after($title, ' : ')) else ()"/>
      <title>
        <main>{if ($main) then $main else f:trim-isbd($title)}</main>
        <xsl:if test="$sub">
          <sub>{$sub}</sub>
        </xsl:if>
      </title>
      <!-- Variant titles: the other dc:title values and dcterms:alternative, without repeats. -->
      <xsl:for-each select="distinct-values((subsequence($titles, 2), dcterms:alternative) ! f:trim-isbd(.))[. ne f:trim-isbd($title)]">
        <variantTitle>{.}</variantTitle>
      </xsl:for-each>

      <!-- Contributors: creators are authors, contributors have no role; an organisation (by its
           name) has no role either. A role in parentheses at the end of the name that f:relator
           knows ("Kendis, James (Composer)", "Kendis Music Pub. Co. (Publisher)") is taken as the
           role and removed from the name. A person's dates at the end of the name as catalogued
           ("Chen, Hui, 1985-", "Hu, Shi, 1891-1962", "Kay, John (1742-1826)") go to dates. -->
      <xsl:variable name="dates-re" select="'^(.*\S)(,\s*|\s+\()((b\.|d\.|fl\.)\s*\d{3,4}\??|(ca\.\s*)?\d{3,4}\??-((ca\.\s*)?\d{3,4}\??)?)\)?$'"/>
      <xsl:variable name="role-re" select="'^(.*\S)\s*\(([^()]+)\)$'"/>
      <xsl:for-each select="(dc:creator | dcterms:creator | dc:contributor | dcterms:contributor)[f:trim-isbd(.)]">
        <xsl:variable name="given" select="f:trim-isbd(.)"/>
        <xsl:variable name="stated-role" select="if (matches($given, $role-re)) then f:relator(replace($given, $role-re, '$2')) else ()"/>
        <xsl:variable name="full" select="if ($stated-role) then f:trim-isbd(replace($given, $role-re, '$1')) else $given"/>
        <xsl:variable name="organisation" select="local:is-organisation($full)"/>
        <xsl:variable name="split" select="not($organisation) and matches($full, $dates-re)"/>
        <xsl:variable name="role" select="if ($stated-role) then $stated-role
                                          else if (local-name() = 'creator' and not($organisation)) then 'aut'
                                          else ()"/>
        <contributor kind="{if ($organisation) then 'organisation' else 'person'}">
          <xsl:if test="$role">
            <xsl:attribute name="role" select="$role"/>
          </xsl:if>
          <name>{if ($split) then f:trim-isbd(replace($full, $dates-re, '$1')) else $full}</name>
          <xsl:if test="$split">
            <dates>{replace($full, $dates-re, '$3')}</dates>
          </xsl:if>
        </contributor>
      </xsl:for-each>

      <!-- Publication: the first publisher; the date is the publication date (dcterms:issued, else the
           first dc:date that is neither a DSpace accession timestamp nor an info:eu-repo embargo date,
           else the first dc:date); dates in which no year can be found are dropped. -->
      <xsl:variable name="publisher" select="(dc:publisher | dcterms:publisher)[f:trim-isbd(.)][1] ! f:trim-isbd(.)"/>
      <xsl:variable name="dates" as="xs:string*"
                    select="(dcterms:issued, dc:date[not(matches(., 'T\d{2}:\d{2}|^\s*info:', 'i'))], dc:date, dcterms:date, dcterms:created)
                            [f:year(.)] ! normalize-space(.)"/>
      <xsl:if test="$publisher or exists($dates)">
        <publication>
          <xsl:if test="$publisher">
            <publisher>{$publisher}</publisher>
          </xsl:if>
          <xsl:if test="exists($dates)">
            <year>{f:year($dates[1])}</year>
            <date>{$dates[1]}</date>
          </xsl:if>
        </publication>
      </xsl:if>

      <!-- Extent: a dc:format that reads as a page count ("xii, 345 p.", "12 pages", "245页"), or dcterms:extent. -->
      <xsl:variable name="extent" as="xs:string?"
                    select="((dc:format | dcterms:format)[local:is-extent(.)], dcterms:extent)[normalize-space()][1] ! normalize-space(.)"/>
      <xsl:if test="$extent">
        <extent>{$extent}</extent>
      </xsl:if>

      <!-- Host (articles only): see local:host. -->
      <xsl:if test="$type = 'article'">
        <xsl:sequence select="local:host($dc)"/>
      </xsl:if>

      <!-- Languages: the whole value, else each part of a list. A list of codes may be separated by
           spaces too ("en fr", "eng; ger"), a list of names only by ; , / or | ("English; French"),
           so that the words of a free-text value ("Provençal or North-Occitan") are not read as
           codes ("or"). -->
      <xsl:variable name="languages" as="xs:string*">
        <xsl:for-each select="(dc:language | dcterms:language)[normalize-space()]">
          <xsl:variable name="value" select="normalize-space(.)"/>
          <xsl:variable name="whole" select="f:lang($value)"/>
          <xsl:variable name="code-list" as="xs:boolean"
                        select="matches($value, '^[A-Za-z]{2,3}([\-_][A-Za-z0-9]+)?([\s;,/|]+[A-Za-z]{2,3}([\-_][A-Za-z0-9]+)?)+$')"/>
          <xsl:sequence select="if ($whole) then $whole
                                else tokenize($value, if ($code-list) then '[\s;,/|]+' else '\s*[;,/|]\s*')[.] ! f:lang(.)"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:for-each select="distinct-values($languages)">
        <language>{.}</language>
      </xsl:for-each>

      <!-- Subjects: keywords, except a bare Dewey number, which is a classification. -->
      <xsl:variable name="subjects" select="(dc:subject | dcterms:subject)[normalize-space()] ! normalize-space(.)"/>
      <xsl:for-each select="distinct-values($subjects[not(local:is-ddc(.))] ! f:trim-isbd(.))">
        <subject scheme="keyword">{.}</subject>
      </xsl:for-each>
      <xsl:for-each select="distinct-values($subjects[local:is-ddc(.)])">
        <classification scheme="ddc">{.}</classification>
      </xsl:for-each>

      <discipline>unknown</discipline>

      <!-- Description: the first abstract or description, HTML removed. -->
      <xsl:variable name="description" select="(dcterms:abstract, dc:description, dcterms:description)[local:plain-text(.)][1]"/>
      <xsl:if test="$description">
        <description>{local:plain-text($description)}</description>
      </xsl:if>

      <!-- Holding: the source's own, electronic when there is a URL identifier. Its url is the first
           URL that is not a file (.pdf, image...) or a thumbnail, i.e. the landing page; else the first. -->
      <xsl:variable name="url" select="($urls[not(local:is-file-url(.))], $urls)[1]"/>
      <xsl:if test="$src and $local-id">
        <holding library="{$src}" localId="{$local-id}" form="{if ($url) then 'electronic' else 'print'}">
          <xsl:if test="$url">
            <url>{$url}</url>
          </xsl:if>
        </holding>
      </xsl:if>

      <xsl:call-template name="provenance"/>
    </record>
  </xsl:template>

  <!-- ================================================================== identifiers -->

  <!-- One identifier value as a CASHL identifier element (isbn, issn, oclc, doi, local), or nothing
       (URLs go to the holding; a value with spaces is a citation, not a record number). -->
  <xsl:function name="local:identifier" as="element()?">
    <xsl:param name="v" as="xs:string"/>
    <xsl:variable name="lower" select="lower-case($v)"/>
    <xsl:variable name="doi" select="f:doi($v)"/>
    <xsl:choose>
      <xsl:when test="$doi">
        <doi>{$doi}</doi>
      </xsl:when>
      <xsl:when test="local:is-url($v)"/>
      <xsl:when test="matches($v, '^(urn:)?isbn[:\s]', 'i')">
        <xsl:sequence select="f:isbn(replace($v, '^(urn:)?isbn[:\s]\s*:?\s*', '', 'i'), ())"/>
      </xsl:when>
      <xsl:when test="matches($v, '^(urn:)?issn[:\s]', 'i')">
        <xsl:sequence select="f:issn(replace($v, '^(urn:)?issn[:\s]\s*:?\s*', '', 'i'))"/>
      </xsl:when>
      <xsl:when test="matches($v, '^\d{4}-\d{3}[\dXx]$')">
        <xsl:sequence select="f:issn($v)"/>
      </xsl:when>
      <xsl:when test="matches($v, '^\(OCoLC\)\s*(ocm|ocn|on)?\s*\d+$', 'i')">
        <oclc>{replace($v, '^\(OCoLC\)\s*(ocm|ocn|on)?\s*0*(\d+)$', '$2', 'i')}</oclc>
      </xsl:when>
      <!-- A bare number that looks like an ISBN is one only if its check digit is right: local
           record numbers are often 10 or 13 digits long too. -->
      <xsl:when test="matches($v, '^[\dXx\-\s]+$') and string-length(replace($v, '[^\dXx]', '')) = (10, 13)
                      and f:isbn($v, ())[not(@valid = 'false')]">
        <xsl:sequence select="f:isbn($v, ())"/>
      </xsl:when>
      <xsl:when test="not(matches($v, '\s')) and string-length($v) le 200">
        <local>{$v}</local>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- ================================================================== record type -->

  <!-- The record type from dc:type (and rdf:type, which some feeds use for bibo classes). Each type
       value is classed on its own (article, journal, book-like text such as a thesis or report, a
       non-text type such as an image or dataset, or plain "text"); then the record is an article if
       any value is, else a journal, else a book, else other, else (plain "text") a book; with no
       recognised type it is a book if it has an ISBN, other otherwise. A book or journal with a URL
       identifier is an ebook or ejournal. A type value that is a DOI or a URL is ignored; thesis
       words of other languages (thèse, tesis, Doktora...) and preprints count as book-like,
       "contribution to periodical" and "book review" as article, newsletters and bulletins as
       journal. -->
  <xsl:function name="local:record-type" as="xs:string">
    <xsl:param name="dc" as="element()"/>
    <xsl:param name="has-isbn" as="xs:boolean"/>
    <xsl:param name="has-url" as="xs:boolean"/>
    <xsl:variable name="classes" as="xs:string*"
                  select="($dc/(dc:type | dcterms:type)[normalize-space()] ! local:type-class(.),
                           $dc/rdf:type/@rdf:resource ! local:type-class(replace(., '^.*[/#]', '')))"/>
    <xsl:variable name="base" as="xs:string"
                  select="if ($classes = 'article') then 'article'
                          else if ($classes = 'journal') then 'journal'
                          else if ($classes = 'book') then 'book'
                          else if ($classes = 'other') then 'other'
                          else if ($classes = 'text') then 'book'
                          else if ($has-isbn) then 'book'
                          else 'other'"/>
    <xsl:sequence select="if ($has-url and $base = 'book') then 'ebook'
                          else if ($has-url and $base = 'journal') then 'ejournal'
                          else $base"/>
  </xsl:function>

  <!-- The class of one type value: article, journal, other, book, text, or "" if not recognised. -->
  <xsl:function name="local:type-class" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="t" select="lower-case(normalize-space($value))"/>
    <xsl:sequence select="
        if (matches($t, '^10\.\d+/|://')) then ''
        else if ((contains($t, 'article') and not(contains($t, 'untilarticle')))
                 or matches($t, 'contribution ?to ?(periodical|journal)|book ?review')) then 'article'
        else if (matches($t, 'journal|periodical|serial|newspaper|magazine|newsletter|bulletin')) then 'journal'
        else if (matches($t, 'image|photo|picture|drawing|dataset|data set|sound|audio|video|moving|film|software|(^|\W)maps?(\W|$)|cartographic|music|score|physical ?object|interactive|event|service|collection|performance|presentation|poster|slide|artifact|artefact')) then 'other'
        else if (matches($t, 'book|monograph|thesis|theses|dissertation|report|working ?paper|preprint|proceedings|conference|lecture|manuscript|pamphlet|document|thèse|tesis|tese|mémoire|proefschrift|diplomarbeit|masterarbeit|doktora|yüksek lisans|(^|\W)tez(\W|$)')) then 'book'
        else if (matches($t, '^text')) then 'text'
        else ''"/>
  </xsl:function>

  <!-- ======================================================================== host -->

  <!-- The journal an article appears in, best effort, from the citation elements some feeds carry.
       Citation: the first dcterms:bibliographicCitation or textual dcterms:isPartOf that is not an
       ISSN; else the first dc:source that looks like a citation (letters and digits: "Journal of X
       12(3): 45-67"), or any textual dc:source when a dc:source also gives the journal's ISSN; a bare
       collection name such as "Faculty Publications" is not taken. From a citation, volume ("vol. 12",
       "v. 12", "12(3)", "Journal: 12 (1999)"), issue ("no. 3", "(3)") and pages ("p. 45-67", "pp. 45-67", ": 45-67") are
       read when written in one of these common ways, and the title is the text before them (and
       before ", 376", ": 56" or a year); it must have at least three letters. A full reference that repeats
       the record's author and title is read from after the title; one that starts with a creator's
       name but does not contain the title gives no host.
       bibo:volume, bibo:issue and bibo:pages win when present. ISSN: a bibo:issn, an ISSN in
       dcterms:isPartOf (urn:issn:...), a citation or a dc:source ("ISSN: 0000-0000"), if valid.
       Nothing is output without a title. -->
  <xsl:function name="local:host" as="element()?">
    <xsl:param name="dc" as="element()"/>
    <xsl:variable name="issn-pattern" select="'^(urn:)?(issn[:\s]\s*:?\s*)?\d{4}-?\d{3}[\dXx]$'"/>
    <xsl:variable name="issn-raw" as="xs:string?"
                  select="($dc/bibo:issn, $dc/dcterms:isPartOf/@rdf:resource, $dc/dcterms:isPartOf,
                           $dc/dcterms:bibliographicCitation, $dc/dc:source)
                          [matches(normalize-space(.), $issn-pattern, 'i')][1]
                          ! replace(normalize-space(.), '^(urn:)?(issn[:\s]\s*:?\s*)?(\d)', '$3', 'i')"/>
    <xsl:variable name="issn" as="element()?" select="if ($issn-raw) then f:issn($issn-raw) else ()"/>
    <xsl:variable name="source-has-issn" select="some $s in $dc/dc:source satisfies matches(normalize-space($s), $issn-pattern, 'i')"/>
    <xsl:variable name="citation" as="xs:string?"
                  select="(($dc/dcterms:bibliographicCitation, $dc/dcterms:isPartOf)
                             [normalize-space()][not(local:is-url(.))][not(matches(normalize-space(.), $issn-pattern, 'i'))]
                             [matches(., '\p{L}')],
                           $dc/dc:source[normalize-space()][not(local:is-url(.))][not(matches(normalize-space(.), $issn-pattern, 'i'))]
                             [matches(., '\p{L}') and (matches(., '\d') or $source-has-issn)])[1] ! normalize-space(.)"/>
    <!-- the citation's numbering: volume, issue, pages -->
    <xsl:variable name="vol-re" select="'(^|[\s,.;(])(vol\.?|volume|v\.|bd\.|jg\.|t\.)\s*(\d+)'"/>
    <xsl:variable name="iss-re" select="'(^|[\s,.;(])(no\.?|nr\.?|num\.?|issue|n°|h\.)\s*(\d+)'"/>
    <xsl:variable name="pag-re" select="'(^|[\s,.;(])(pp?\.|pages?|s\.)\s*(\d+(\s*[-–]\s*\d+)?)'"/>
    <xsl:variable name="vi-re" select="'(^|\s)(\d+)\s*\((\d{1,3}(/\d{1,3}|-\d{1,3})?)\)'"/>
    <xsl:variable name="colon-pages-re" select="'\d\)?\s*:\s*(\d+\s*[-–]\s*\d+)'"/>
    <xsl:variable name="colon-volume-re" select="':\s*(\d+)\s*\(\d{4}\)'"/>
    <!-- A full reference ("Author. (2008). Article title. Journal, 376.") repeats this record's own
         author and title: keep what follows the title (if it has 8 characters or more); if the title
         is not in it and the reference starts with a creator's name, the journal cannot be told
         apart and no host is output. -->
    <xsl:variable name="own-title" select="lower-case(normalize-space(($dc/dc:title, $dc/dcterms:title)[normalize-space()][1]))"/>
    <xsl:variable name="creators" select="($dc/dc:creator, $dc/dcterms:creator)[normalize-space()] ! lower-case(normalize-space(.))"/>
    <xsl:variable name="c" as="xs:string">
      <xsl:variable name="lc" select="lower-case(string($citation))"/>
      <xsl:choose>
        <xsl:when test="string-length($own-title) ge 8 and contains($lc, $own-title)">
          <xsl:sequence select="replace(substring(string($citation), string-length(substring-before($lc, $own-title)) + string-length($own-title) + 1),
                                        '^[\s.,:;&quot;”’'']+', '')"/>
        </xsl:when>
        <xsl:when test="some $n in $creators satisfies starts-with($lc, $n)"/>
        <xsl:otherwise>
          <xsl:sequence select="string($citation)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="c-volume" select="if (matches($c, $vol-re, 'i')) then replace($c, '^.*?' || $vol-re || '.*$', '$3', 'is')
                                          else if (matches($c, $vi-re)) then replace($c, '^.*?' || $vi-re || '.*$', '$2', 's')
                                          else if (matches($c, $colon-volume-re)) then replace($c, '^.*?' || $colon-volume-re || '.*$', '$1', 's') else ()"/>
    <xsl:variable name="c-issue" select="if (matches($c, $iss-re, 'i')) then replace($c, '^.*?' || $iss-re || '.*$', '$3', 'is')
                                         else if (matches($c, $vi-re)) then replace($c, '^.*?' || $vi-re || '.*$', '$3', 's') else ()"/>
    <xsl:variable name="c-pages" select="if (matches($c, $pag-re, 'i')) then replace($c, '^.*?' || $pag-re || '.*$', '$3', 'is')
                                         else if (matches($c, $colon-pages-re)) then replace($c, '^.*?' || $colon-pages-re || '.*$', '$1', 's') else ()"/>
    <!-- the title: the citation up to the first piece of numbering (or a year in parentheses) -->
    <xsl:variable name="cut" select="replace($c, '^(.+?)[\s,.;:]*(' || $vol-re || '|' || $iss-re || '|' || $pag-re || '|' || $vi-re || '|\(\d{4}\)|\s\d{4}([,.;:]|$)|[,:]\s*\d+([,.;:\s]|$)).*$', '$1', 'is')"/>
    <xsl:variable name="title" select="if (matches($cut, '\p{L}.*\p{L}.*\p{L}')) then f:trim-isbd($cut) else ()"/>
    <xsl:variable name="volume" select="($dc/bibo:volume[normalize-space()] ! normalize-space(.), $c-volume ! normalize-space(.))[.][1]"/>
    <xsl:variable name="issue" select="($dc/bibo:issue[normalize-space()] ! normalize-space(.), $c-issue ! normalize-space(.))[.][1]"/>
    <xsl:variable name="pages" select="($dc/bibo:pages[normalize-space()] ! normalize-space(.), $c-pages ! replace(normalize-space(.), '\s*[-–]\s*', '-'))[.][1]"/>
    <xsl:if test="$title">
      <isPartOf>
        <title>{$title}</title>
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
  </xsl:function>

  <!-- ============================================================== small predicates -->

  <!-- A page count: "345 p.", "xii, 345 p.", "12 pages", "1 page", "[8] leaves", "245页". -->
  <xsl:function name="local:is-extent" as="xs:boolean">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($v), '^([ivxlcdm]+\s*,\s*)?\[?\d+\]?\s*(p|pp|pages?|leaves|ff?)\.?(\W|$)', 'i')
                          or matches(normalize-space($v), '^\d+\s*(页|頁)')"/>
  </xsl:function>

  <!-- A link to a file rather than to a landing page: a document, image or media file, or a thumbnail. -->
  <xsl:function name="local:is-file-url" as="xs:boolean">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:sequence select="matches($v, '\.(pdf|ps|docx?|odt|rtf|txt|zip|gz|tar|xml|jpe?g|png|gif|tiff?|jp2|mp3|mp4|wav|mov|avi)([?#].*)?$', 'i')
                          or matches($v, '/(bitstream|thumbnail|thumb|getthumbnail|covers?|article_covers)/|thumbnail', 'i')"/>
  </xsl:function>

  <!-- A Dewey number: three digits, optionally with decimals ("330", "305.4", "951.05"). -->
  <xsl:function name="local:is-ddc" as="xs:boolean">
    <xsl:param name="v" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($v), '^\d{3}(\.\d+)?$')"/>
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
