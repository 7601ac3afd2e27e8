<?xml version="1.0" encoding="UTF-8"?>
<!--
  cashl-to-marcxml: the canonical CASHL record (https://ns.cashl.edu.cn/record/v1) to a MARC 21
  bibliographic record in MARCXML (metadataPrefix marc21 / marcxml).

  Output: one marc:record, valid against http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd.
  Fields come in tag order, except that added entries (7XX) keep the order of the contributors.

  Leader: 00-04 and 12-16 blank (computed when the record is written as ISO 2709), 05 n, 06 a
  (language material; also for "other", whose real nature the record does not tell), 07 m (book,
  ebook, other), s (journal, ejournal) or b (article), 08 blank, 09 a (UCS/Unicode), 10-11 22, 17 blank,
  18 i (ISBD punctuation included), 19 blank, 20-23 4500.

  001 = the hub record id. 007 "cr |||||||||||" (online resource) for ebook and ejournal.
  008 (40 characters): 00-05 blank (no date entered on file); 06-14 type of date and dates:
    monographs and articles: s + year + 4 blanks; a transcribed range YYYY-YYYY or open date YYYY-
    gives m + both years (9999 when open); no year: n + uuuuuuuu. Serials (journal, ejournal):
    c + start + 9999 for an open date "YYYY-", d + start + end for a closed range, otherwise
    u + year + uuuu (status unknown; s is not defined for serials).
    15-17 "xx " (place unknown); 18-22 blank; 23 o for ebook and ejournal, else blank; 24-34 blank;
    35-37 first language or und; 38 blank; 39 d (cataloguing source: other).

  Punctuation: the leader says ISBD punctuation is present (18 i), so the descriptive fields carry it
  and the access points end as MARC 21 examples show:
  - 245 $a " :" before $b, "." before $n, "," between $n and $p ("." before $p without $n); the field
    ends with a period unless it already ends with . ? or !. There is no $c: the canonical record has no
    statement of responsibility, and one is not made up from the contributors.
  - 264 $a " :" before $b, "," before $c; ends with a period unless it ends with . ? ! - ] or ).
  - 490 $a "," before $x, " ;" before $v; no final punctuation.
  - 100/110/700/710 "," between name, dates and affiliation, final period unless the heading ends with
    . ? ! - or ); $4 (relator code) and $1 follow the punctuation.
  - 242/246 and 210 have no final punctuation; 240 and 130 end like 245. 540 is transcribed.
  - 650 final period on the last subdivision (same rule); 653 and linking fields (773, 776) have none.
  - 250, 300 and 520 are transcribed as they stand.

  Field mapping
  - 010 $a lccn (as normalised); 020 $a valid ISBN or $z invalid, $q qualifier; 022 $a valid ISSN or
    $y invalid (022 has no qualifier subfield); 024 7_ $a doi $2 doi; 035 $a (OCoLC)n, then 035 $a
    (source)number for each local record number; 041 __ $a for each language when there are several.
  - 050 _4 lcc, 080 udc, 082 04 ddc, 084 $a $2 scheme for every other scheme (clc, ...).
  - 100/110: the first contributor when its role is aut, cre or absent (the main entry); 100 first
    indicator 1 when the name is inverted (has a comma), else 0 (e.g. Chinese names); 110 indicator 2.
    All other contributors are 700/710 with the same indicators, in source order. $a name, $d dates,
    $u affiliation ($u is not repeatable: several are joined with "; "), $4 role, $1 the ORCID iD as
    its URI (https://orcid.org/..., a real world object URI).
  - 245: first indicator 1 with a 1XX (a 130 too), else 0; second indicator: the length of a leading English
    article (The, An, A) when the first language is English, else 0. $a main, $b sub, $n partNumber,
    $p partName.
  - Variant titles by their type: translated and parallel titles 246 31 $a (a parallel title; MARC 242
    is a translation made by the cataloguing agency, which the hub never makes: its translated titles
    come from the publisher's metadata, printed with the article); abbreviated 210 00 $a (another
    abbreviated title: not the ISSN network's abbreviated key title); uniform 240
    10 $a with a main entry, else 130 0_ $a (the first uniform title; others as 246 3_); a variant of
    unknown kind 246 3_ $a (no second indicator).
  - 250 $a edition; 264 _1 $a place, $b publisher, $c date (else year); 300 $a extent.
  - 490 0_ $a series title, $x ISSN, $v volume (series not traced).
  - 520 $a description. 540 __ the licence: $u its URL, or $a its statement.
  - 650 _0 for lcsh, _2 mesh, _4 local, _7 with $2 for other vocabularies (rameau as "ram"): first part
    of the heading in $a, each further subdivision (after a double hyphen) in $x, as their kind
    (topical, geographic, chronological, form) is not recorded;
    653 for keywords (or no scheme), each part in its own $a.
  - 773 0_ (host item entry): $7 nnas (no main entry heading, language material, serial), $t journal,
    $g "Vol. v, no. i (year), p. pages" (prefixes only before plain numbers), $q the enumeration and
    first page "v:i<p" (volume and issue as given, the first page only when it is a number), $x the
    print ISSN, else the online one ($x is not repeatable), $w the hub id of the journal's record
    (isPartOf/@record, relations partOf; each once); a partOf relation without isPartOf gives
    773 0_ $w alone.
  - 776 0_ $w hub id of each otherFormat relation. replacedBy is not published (a deleted record).
  - 852 per holding: $a library code, $h call number, $z coverage.
  - 856 per holding URL: 40 for an electronic holding (the resource), 42 for a print holding (the
    URL is then the library's catalogue record, a related resource); $3 the coverage ranges of an
    electronic holding as a holdings statement (lib/holdings.xsl), $y its package, $z "Open access"
    for an open-access holding.
  - Not mapped: discipline (an internal filter verdict), provenance.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:local="https://ns.cashl.edu.cn/xslt/cashl-to-marcxml"
                xmlns:h="https://ns.cashl.edu.cn/xslt/holdings"
                xmlns:marc="http://www.loc.gov/MARC21/slim"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xpath-default-namespace="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="xs local h"
                expand-text="yes">

  <xsl:import href="lib/holdings.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- Final punctuation already present: 245; access points; 264. -->
  <xsl:variable name="ends-245" as="xs:string" select="'[.?!]$'"/>
  <xsl:variable name="ends-heading" as="xs:string" select="'[.?!\-)]$'"/>
  <xsl:variable name="ends-264" as="xs:string" select="'[.?!\-\])]$'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes" error-code="local:not-cashl">cashl-to-marcxml: the input is not a CASHL record ({name()})</xsl:message>
  </xsl:template>

  <xsl:template match="/record">
    <xsl:variable name="type" as="xs:string" select="normalize-space(@type)"/>
    <xsl:variable name="serial" as="xs:boolean" select="$type = ('journal', 'ejournal')"/>
    <xsl:variable name="online" as="xs:boolean" select="$type = ('ebook', 'ejournal')"/>
    <xsl:variable name="main-entry" as="element(contributor)?"
                  select="contributor[1][normalize-space(@role) = ('', 'aut', 'cre')]"/>

    <marc:record type="Bibliographic"
                 xsi:schemaLocation="http://www.loc.gov/MARC21/slim http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd">

      <!-- leader -->
      <xsl:variable name="level" as="xs:string"
                    select="if ($serial) then 's' else if ($type = 'article') then 'b' else 'm'"/>
      <marc:leader>{'     n' || 'a' || $level || ' a22      i 4500'}</marc:leader>

      <!-- control fields -->
      <marc:controlfield tag="001">{normalize-space(@id)}</marc:controlfield>
      <xsl:if test="$online">
        <marc:controlfield tag="007">cr |||||||||||</marc:controlfield>
      </xsl:if>
      <marc:controlfield tag="008">{
          '      '
          || local:dates008($serial, normalize-space(publication/year), normalize-space(publication/date))
          || 'xx '
          || '     '
          || (if ($online) then 'o' else ' ')
          || '           '
          || (normalize-space(language[1])[. != ''], 'und')[1]
          || ' d'
      }</marc:controlfield>

      <!-- numbers and codes -->
      <xsl:for-each select="identifiers/lccn">
        <xsl:sequence select="local:field('010', ' ', ' ', ['a', .])"/>
      </xsl:for-each>
      <xsl:for-each select="identifiers/isbn">
        <xsl:sequence select="local:field('020', ' ', ' ', (
            [if (local:is-valid(.)) then 'a' else 'z', .],
            ['q', @qualifier]))"/>
      </xsl:for-each>
      <xsl:for-each select="identifiers/issn">
        <xsl:sequence select="local:field('022', ' ', ' ', [if (local:is-valid(.)) then 'a' else 'y', .])"/>
      </xsl:for-each>
      <xsl:for-each select="identifiers/doi">
        <xsl:sequence select="local:field('024', '7', ' ', (['a', .], ['2', 'doi']))"/>
      </xsl:for-each>
      <xsl:for-each select="identifiers/oclc">
        <xsl:sequence select="local:field('035', ' ', ' ', ['a', '(OCoLC)' || normalize-space(.)])"/>
      </xsl:for-each>
      <xsl:for-each select="identifiers/local">
        <xsl:sequence select="local:field('035', ' ', ' ', ['a', '(' || normalize-space(@source) || ')' || normalize-space(.)])"/>
      </xsl:for-each>
      <xsl:if test="count(language) gt 1">
        <xsl:sequence select="local:field('041', ' ', ' ', language ! ['a', .])"/>
      </xsl:if>

      <!-- classification -->
      <xsl:for-each select="classification[normalize-space(@scheme) = 'lcc']">
        <xsl:sequence select="local:field('050', ' ', '4', ['a', .])"/>
      </xsl:for-each>
      <xsl:for-each select="classification[normalize-space(@scheme) = 'udc']">
        <xsl:sequence select="local:field('080', ' ', ' ', ['a', .])"/>
      </xsl:for-each>
      <xsl:for-each select="classification[normalize-space(@scheme) = 'ddc']">
        <xsl:sequence select="local:field('082', '0', '4', ['a', .])"/>
      </xsl:for-each>
      <xsl:for-each select="classification[not(normalize-space(@scheme) = ('lcc', 'udc', 'ddc'))]">
        <xsl:sequence select="local:field('084', ' ', ' ', (['a', .], ['2', @scheme]))"/>
      </xsl:for-each>

      <!-- main entry -->
      <xsl:variable name="uniform" as="element(variantTitle)?" select="variantTitle[normalize-space(@type) = 'uniform'][1]"/>
      <xsl:for-each select="$main-entry">
        <xsl:sequence select="local:agent(., '1')"/>
      </xsl:for-each>
      <xsl:if test="empty($main-entry)">
        <xsl:for-each select="$uniform">
          <xsl:sequence select="local:field('130', '0', ' ', local:punctuate(['a', .], map {}, '.', $ends-245))"/>
        </xsl:for-each>
      </xsl:if>

      <!-- title -->
      <xsl:for-each select="variantTitle[normalize-space(@type) = 'abbreviated']">
        <xsl:sequence select="local:field('210', '0', '0', ['a', .])"/>
      </xsl:for-each>
      <xsl:if test="$main-entry">
        <xsl:for-each select="$uniform">
          <xsl:sequence select="local:field('240', '1', '0', local:punctuate(['a', .], map {}, '.', $ends-245))"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:variable name="main" as="xs:string" select="normalize-space(title/main)"/>
      <xsl:sequence select="local:field('245', if ($main-entry or $uniform) then '1' else '0', string(local:nonfiling(., $main)),
          local:punctuate((['a', $main], ['b', title/sub], ['n', title/partNumber], ['p', title/partName]),
                      map { 'b': ' :', 'n': '.', 'np': ',', 'p': '.' }, '.', $ends-245))"/>
      <xsl:for-each select="variantTitle[not(. is $uniform) and not(normalize-space(@type) = 'abbreviated')]">
        <xsl:sequence select="local:field('246', '3', if (normalize-space(@type) = ('translated', 'parallel')) then '1' else ' ', ['a', .])"/>
      </xsl:for-each>

      <!-- edition, imprint, extent -->
      <xsl:for-each select="edition">
        <xsl:sequence select="local:field('250', ' ', ' ', ['a', .])"/>
      </xsl:for-each>
      <xsl:for-each select="publication">
        <xsl:sequence select="local:field('264', ' ', '1',
            local:punctuate((['a', place], ['b', publisher], ['c', (date, year)[1]]),
                        map { 'b': ' :', 'c': ',' }, '.', $ends-264))"/>
      </xsl:for-each>
      <xsl:for-each select="extent">
        <xsl:sequence select="local:field('300', ' ', ' ', ['a', .])"/>
      </xsl:for-each>

      <!-- series -->
      <xsl:for-each select="series">
        <xsl:sequence select="local:field('490', '0', ' ',
            local:punctuate((['a', title], ['x', issn], ['v', volume]), map { 'x': ',', 'v': ' ;' }, '', '.*'))"/>
      </xsl:for-each>

      <!-- notes -->
      <xsl:for-each select="description">
        <xsl:sequence select="local:field('520', ' ', ' ', ['a', .])"/>
      </xsl:for-each>
      <xsl:for-each select="licence">
        <xsl:sequence select="local:field('540', ' ', ' ', [if (matches(normalize-space(.), '^https?://\S+$')) then 'u' else 'a', .])"/>
      </xsl:for-each>

      <!-- subjects -->
      <xsl:for-each select="subject[not(normalize-space(@scheme) = ('', 'keyword'))]">
        <xsl:variable name="scheme" as="xs:string" select="normalize-space(@scheme)"/>
        <xsl:variable name="ind2" as="xs:string"
                      select="(map { 'lcsh': '0', 'mesh': '2', 'local': '4' }($scheme), '7')[1]"/>
        <xsl:variable name="parts" as="xs:string*" select="local:subdivisions(.)"/>
        <xsl:sequence select="local:field('650', ' ', $ind2, (
            local:punctuate((['a', $parts[1]], tail($parts) ! ['x', .]), map {}, '.', $ends-heading),
            if ($ind2 = '7') then ['2', if ($scheme = 'rameau') then 'ram' else $scheme] else ()))"/>
      </xsl:for-each>
      <xsl:for-each select="subject[normalize-space(@scheme) = ('', 'keyword')]">
        <xsl:sequence select="local:field('653', ' ', ' ', local:subdivisions(.) ! ['a', .])"/>
      </xsl:for-each>

      <!-- added entries -->
      <xsl:for-each select="contributor except $main-entry">
        <xsl:sequence select="local:agent(., '7')"/>
      </xsl:for-each>

      <!-- linking entries -->
      <xsl:variable name="hosts" as="xs:string*"
                    select="distinct-values((isPartOf/@record, relation[normalize-space(@type) = 'partOf']/@target) ! normalize-space(.))[. != '']"/>
      <xsl:choose>
        <xsl:when test="isPartOf">
          <xsl:for-each select="isPartOf">
            <xsl:sequence select="local:field('773', '0', ' ', (['7', 'nnas'], ['t', title],
                ['g', local:numbering(., normalize-space(../publication/year))], ['q', local:enumeration(.)],
                ['x', (issn, eissn)[1]], $hosts ! ['w', .]))"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$hosts">
            <xsl:sequence select="local:field('773', '0', ' ', ['w', .])"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="relation[normalize-space(@type) = 'otherFormat']">
        <xsl:sequence select="local:field('776', '0', ' ', ['w', @target])"/>
      </xsl:for-each>

      <!-- holdings -->
      <xsl:for-each select="holding">
        <xsl:sequence select="local:field('852', ' ', ' ', (['a', @library], ['h', callNumber], ['z', coverage]))"/>
      </xsl:for-each>
      <xsl:for-each select="holding[url]">
        <xsl:sequence select="local:field('856', '4', if (normalize-space(@form) = 'electronic') then '0' else '2', (
            ['3', h:statement(.)],
            ['u', url],
            ['y', @package],
            ['z', if (normalize-space(@access) = 'openAccess') then 'Open access' else ()]))"/>
      </xsl:for-each>
    </marc:record>
  </xsl:template>

  <!-- ============================================================= functions -->

  <!--
    A data field from [code, value] pairs; values are whitespace-normalised, pairs with an empty
    value are dropped, and a field left without subfields is not written.
  -->
  <xsl:function name="local:field" as="element(marc:datafield)?">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="ind1" as="xs:string"/>
    <xsl:param name="ind2" as="xs:string"/>
    <xsl:param name="subfields" as="array(*)*"/>
    <xsl:variable name="present" as="array(xs:string)*"
                  select="$subfields ! [string(?1), normalize-space(string-join(?2 ! string(.), ' '))][?2 != '']"/>
    <xsl:if test="exists($present)">
      <marc:datafield tag="{$tag}" ind1="{$ind1}" ind2="{$ind2}">
        <xsl:for-each select="$present">
          <marc:subfield code="{?1}">{?2}</marc:subfield>
        </xsl:for-each>
      </marc:datafield>
    </xsl:if>
  </xsl:function>

  <!--
    ISBD punctuation between subfields: $before maps "code of the next subfield" or "this code and the
    next" (the longer key wins) to the mark that ends this subfield. A period is not added after
    . ? or !. The last subfield gets $final unless it matches $final-unless.
  -->
  <xsl:function name="local:punctuate" as="array(xs:string)*">
    <xsl:param name="parts" as="array(*)*"/>
    <xsl:param name="before" as="map(xs:string, xs:string)"/>
    <xsl:param name="final" as="xs:string"/>
    <xsl:param name="final-unless" as="xs:string"/>
    <xsl:variable name="present" as="array(xs:string)*"
                  select="$parts ! [string(?1), normalize-space(string-join(?2 ! string(.), ' '))][?2 != '']"/>
    <xsl:sequence select="
        for $i in 1 to count($present) return
        let $code := $present[$i]?1,
            $text := $present[$i]?2,
            $next := $present[$i + 1]?1
        return
          if (empty($next)) then
            [$code, if ($final = '' or matches($text, $final-unless)) then $text else $text || $final]
          else
            let $mark := ($before($code || $next), $before($next), '')[1]
            return [$code, if ($mark = '.' and matches($text, '[.?!]$')) then $text else $text || $mark]"/>
  </xsl:function>

  <!-- 100/110 ($prefix 1) or 700/710 ($prefix 7) for a contributor. -->
  <xsl:function name="local:agent" as="element(marc:datafield)?">
    <xsl:param name="contributor" as="element(contributor)"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:variable name="name" as="xs:string" select="normalize-space($contributor/name)"/>
    <xsl:variable name="person" as="xs:boolean" select="normalize-space($contributor/@kind) = 'person'"/>
    <xsl:sequence select="local:field(
        $prefix || (if ($person) then '00' else '10'),
        if (not($person)) then '2' else if (contains($name, ',')) then '1' else '0',
        ' ',
        (local:punctuate((['a', $name], ['d', $contributor/dates],
                          ['u', string-join($contributor/affiliation ! normalize-space(.), '; ')]),
                         map { 'd': ',', 'u': ',' }, '.', $ends-heading),
         ['4', $contributor/@role],
         $contributor/orcid ! ['1', 'https://orcid.org/' || normalize-space(.)]))"/>
  </xsl:function>

  <!-- 008/06-14: type of date, date 1, date 2. -->
  <xsl:function name="local:dates008" as="xs:string">
    <xsl:param name="serial" as="xs:boolean"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:param name="date" as="xs:string"/>
    <!-- matches() and replace(), not analyze-string(): no result tree to build for every record -->
    <xsl:variable name="closed" as="xs:string*"
                  select="if (matches($date, '^\D*\d{4}\s*-\s*\d{4}\D*$'))
                          then tokenize(replace($date, '^\D*(\d{4})\s*-\s*(\d{4})\D*$', '$1 $2'), ' ') else ()"/>
    <xsl:variable name="open" as="xs:string?"
                  select="if (matches($date, '^\D*\d{4}\s*-\s*$')) then replace($date, '^\D*(\d{4}).*$', '$1') else ()"/>
    <xsl:sequence select="
        if (count($closed) = 2) then (if ($serial) then 'd' else 'm') || $closed[1] || $closed[2]
        else if (count($open) = 1) then (if ($serial) then 'c' else 'm') || $open || '9999'
        else if ($year != '') then (if ($serial) then 'u' || $year || 'uuuu' else 's' || $year || '    ')
        else if ($serial) then 'uuuuuuuuu'
        else 'nuuuuuuuu'"/>
  </xsl:function>

  <!-- 773 $g: "Vol. 245, no. 1 (2021), p. 117-134"; the prefixes only before plain numbers. -->
  <xsl:function name="local:numbering" as="xs:string">
    <xsl:param name="host" as="element(isPartOf)"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:variable name="volume" as="xs:string" select="local:prefixed('Vol. ', $host/volume)"/>
    <xsl:variable name="issue" as="xs:string" select="local:prefixed('no. ', $host/issue)"/>
    <xsl:variable name="numbers" as="xs:string"
                  select="string-join(($volume, $issue)[. != ''], ', ')"/>
    <xsl:variable name="dated" as="xs:string"
                  select="if ($numbers != '' and $year != '') then $numbers || ' (' || $year || ')' else $numbers"/>
    <xsl:sequence select="string-join(($dated, local:prefixed('p. ', $host/pages))[. != ''], ', ')"/>
  </xsl:function>

  <!-- 773 $q: "27:2<141", the volume and issue as given, the first page when it is a number. -->
  <xsl:function name="local:enumeration" as="xs:string">
    <xsl:param name="host" as="element(isPartOf)"/>
    <xsl:variable name="numbers" as="xs:string"
                  select="string-join(($host/volume, $host/issue) ! normalize-space(.)[. != ''], ':')"/>
    <xsl:variable name="first" as="xs:string"
                  select="replace(normalize-space($host/pages), '^([0-9]+)([^0-9].*)?$', '$1')"/>
    <xsl:sequence select="$numbers || (if (matches($first, '^[0-9]+$')) then '&lt;' || $first else '')"/>
  </xsl:function>

  <xsl:function name="local:prefixed" as="xs:string">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="value" as="element()?"/>
    <xsl:variable name="text" as="xs:string" select="normalize-space($value)"/>
    <xsl:sequence select="if (matches($text, '^[0-9]')) then $prefix || $text else $text"/>
  </xsl:function>

  <!-- Absent or true: valid; "false" or "0": invalid. -->
  <xsl:function name="local:is-valid" as="xs:boolean">
    <xsl:param name="number" as="element()"/>
    <xsl:sequence select="not(normalize-space($number/@valid) = ('false', '0'))"/>
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
