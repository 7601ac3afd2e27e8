<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared normalisation functions of the CASHL inbound crosswalks.

  Imported by every *-to-cashl.xsl stylesheet with <xsl:import href="lib/functions.xsl"/>. Public
  functions live in the namespace https://ns.cashl.edu.cn/xslt/functions (prefix f); helpers in the
  "private" namespace (prefix fp) are not part of the contract and may change without notice.

  All functions accept the empty sequence and return the empty sequence rather than an empty string:
  a caller tests the result with exists() before creating an element, and so never emits a value the
  CASHL schema (NonEmptyString, Code, LanguageCode) would reject.

  fp:isbn($raw, $qualifier, $force-invalid) is used by the MARC 21 and UNIMARC crosswalks for
  cancelled/invalid ISBNs (020 $z, 010 $z), fp:strip-start and fp:strip-end by the MARC 21 crosswalk;
  other fp: helpers are internal.

  Speed: the MARC 21 crosswalk calls these functions dozens of times per record, and a regular
  expression costs several times more than the string functions around it (anchored alternations
  such as '^[...]+|[...]+$' most of all). The usual values therefore take paths of plain string
  functions (translate, contains, substring) that give the same result as the regular expression,
  which still handles the rest; each such place says which expression it stands for.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                xmlns:f="https://ns.cashl.edu.cn/xslt/functions"
                xmlns:fp="https://ns.cashl.edu.cn/xslt/functions/private"
                xmlns="https://ns.cashl.edu.cn/record/v1"
                exclude-result-prefixes="#all">

  <!-- ================================================================ ISBN / ISSN -->

  <!--
    f:isbn: one ISBN as the canonical cashl:isbn element.

    Why: ISBNs arrive hyphenated or not, as ISBN-10 or ISBN-13, with a qualifier glued on
    ("0-14-143951-3 (pbk.)", AACR2 practice before 020 $q existed in 2013), sometimes with a lower-case
    check character x. Deduplication needs one form, so a valid number becomes ISBN-13 without
    hyphens (ISO 2108: an ISBN-10 is converted by prefixing 978 and recomputing the modulus 10 check
    digit). An invalid number (wrong length or ISO 2108 check digit) is kept as given, minus the
    qualifier, hyphens and spaces, and flagged valid="false": "repairing" it would invent a number.
    An explicit $qualifier (MARC 020 $q, UNIMARC 010 $b) wins over one found inside $raw.
  -->
  <xsl:function name="f:isbn" as="element()?">
    <xsl:param name="raw" as="xs:string?"/>
    <xsl:param name="qualifier" as="xs:string?"/>
    <xsl:sequence select="fp:isbn($raw, $qualifier, false())"/>
  </xsl:function>

  <!--
    fp:isbn: f:isbn with $force-invalid; a MARC 020 $z / UNIMARC 010 $z number is cancelled or invalid
    by definition, so it is always flagged valid="false" and kept as given (not converted to ISBN-13),
    even when its check digit happens to be right.
  -->
  <xsl:function name="fp:isbn" as="element()?">
    <xsl:param name="raw" as="xs:string?"/>
    <xsl:param name="qualifier" as="xs:string?"/>
    <xsl:param name="force-invalid" as="xs:boolean"/>
    <xsl:variable name="given" select="string($raw)"/>
    <!-- Most values are the bare number ("978-0-262-00000-0", "026200000X"): digits, X and hyphens,
         a digit first, a digit or X last. The clean-up below leaves such a value as it is, so it is
         recognised with string tests instead: the regular expressions cost ten times more. -->
    <xsl:variable name="bare" as="xs:boolean"
                  select="$given ne ''
                          and translate($given, '0123456789Xx-', '') eq ''
                          and translate(substring($given, 1, 1), '0123456789', '') eq ''
                          and translate(substring($given, string-length($given)), '0123456789Xx', '') eq ''"/>
    <!-- without an "ISBN" label and a parenthesis opened before the number ("(0373197527pbk.)") -->
    <xsl:variable name="text" select="if ($bare) then $given
                                      else normalize-space(replace(replace($given, '^\s*ISBN[:\s]*', '', 'i'), '^\s*\((\s*[0-9])', '$1'))"/>
    <!-- the number: a run of digits, X, hyphens and inner spaces at the start; for junk that does
         not start with a digit, everything before a parenthesis or trailing ISBD punctuation -->
    <xsl:variable name="number" as="xs:string"
                  select="if ($bare) then $given
                          else if (matches($text, '^[0-9Xx]')) then replace($text, '^([0-9Xx][0-9Xx\- ]*[0-9Xx]|[0-9Xx]).*$', '$1', 's')
                          else replace(replace($text, '\s*\(.*$', '', 's'), '[\s:;,/=]+$', '')"/>
    <xsl:variable name="rest" select="normalize-space(substring($text, string-length($number) + 1))"/>
    <xsl:variable name="found-qualifier" as="xs:string"
                  select="if ($rest ne '' and matches($rest, '\(([^)]*)\)')) then replace($rest, '^[^(]*\(([^)]*)\).*$', '$1', 's') else $rest"/>
    <xsl:variable name="qual" as="xs:string?"
                  select="(fp:clean-qualifier($qualifier), fp:clean-qualifier($found-qualifier))[1]"/>
    <!-- without spaces and hyphens (translate drops the characters it has no replacement for), x as X -->
    <xsl:variable name="compact" select="translate($number, 'x &#9;&#10;&#13;-', 'X')"/>
    <xsl:if test="$compact ne ''">
      <xsl:variable name="isbn13" as="xs:string?" select="if ($force-invalid) then () else fp:isbn13($compact)"/>
      <isbn>
        <xsl:if test="empty($isbn13)">
          <xsl:attribute name="valid" select="'false'"/>
        </xsl:if>
        <xsl:if test="exists($qual)">
          <xsl:attribute name="qualifier" select="$qual"/>
        </xsl:if>
        <xsl:sequence select="($isbn13, $compact)[1]"/>
      </isbn>
    </xsl:if>
  </xsl:function>

  <!-- fp:isbn13: the ISBN-13 form of a compact ISBN-10 or ISBN-13 whose check digit is right, else (). -->
  <xsl:function name="fp:isbn13" as="xs:string?">
    <xsl:param name="s" as="xs:string"/>
    <xsl:choose>
      <!-- ^[0-9]{9}[0-9X]$ and ^97[89][0-9]{10}$, tested without regular expressions (see fp:isbn) -->
      <xsl:when test="string-length($s) eq 10 and translate(substring($s, 1, 9), '0123456789', '') eq ''
                      and translate(substring($s, 10), '0123456789X', '') eq ''">
        <xsl:variable name="d" select="for $c in string-to-codepoints($s) return (if ($c eq 88) then 10 else $c - 48)"/>
        <xsl:if test="sum(for $i in 1 to 10 return $d[$i] * (11 - $i)) mod 11 eq 0">
          <xsl:variable name="body" select="'978' || substring($s, 1, 9)"/>
          <xsl:sequence select="$body || fp:ean-check($body)"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="string-length($s) eq 13 and (starts-with($s, '978') or starts-with($s, '979'))
                      and translate($s, '0123456789', '') eq ''">
        <xsl:if test="fp:ean-check(substring($s, 1, 12)) eq substring($s, 13, 1)">
          <xsl:sequence select="$s"/>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- fp:ean-check: the EAN-13 / ISBN-13 check digit of 12 digits (weights 1,3,1,3...; modulus 10). -->
  <xsl:function name="fp:ean-check" as="xs:string">
    <xsl:param name="body" as="xs:string"/>
    <xsl:variable name="d" select="for $c in string-to-codepoints($body) return $c - 48"/>
    <xsl:variable name="sum" select="sum(for $i in 1 to 12 return $d[$i] * (if ($i mod 2 eq 0) then 3 else 1))"/>
    <xsl:sequence select="string((10 - $sum mod 10) mod 10)"/>
  </xsl:function>

  <!-- fp:clean-qualifier: "(pbk.)", ": pbk. ;" → "pbk."; () when nothing is left. -->
  <xsl:function name="fp:clean-qualifier" as="xs:string?">
    <xsl:param name="q" as="xs:string?"/>
    <!-- the punctuation stripped with string functions, not regular expressions: a qualifier comes with
         nearly every ISBN -->
    <xsl:variable name="s" select="normalize-space(fp:strip-end(fp:strip-start(string($q), ' &#9;&#10;&#13;:;,=/(['), ' &#9;&#10;&#13;:;,=/)]'))"/>
    <xsl:sequence select="$s[. ne '']"/>
  </xsl:function>

  <!--
    f:issn: one ISSN as the canonical cashl:issn element.

    Why: ISO 3297 writes an ISSN as two groups of four characters, NNNN-NNNC, the check character
    (modulus 11, weights 8..2, 10 written X) last. Sources omit the hyphen, add spaces or "ISSN ", or
    trailing ISBD punctuation (490 $x "0305-7410 ;"). A correct number is normalised to NNNN-NNNX; a
    wrong one is kept as given (trimmed) with valid="false".
  -->
  <xsl:function name="f:issn" as="element()?">
    <xsl:param name="raw" as="xs:string?"/>
    <xsl:variable name="given" select="normalize-space($raw)"/>
    <!-- Without the label and trailing punctuation: replace($given, '^ISSN[:\s]*', '', 'i') (which
         cannot match a value that starts with a digit, as nearly all do), then
         replace(..., '[\s;:,.=/]+$', '') with string functions. -->
    <xsl:variable name="bare" select="fp:strip-end(fp:without-issn-label($given), $fp:issn-trailing)"/>
    <!-- without spaces and hyphens -->
    <xsl:variable name="compact" select="upper-case(translate($bare, ' &#9;&#10;&#13;-', ''))"/>
    <xsl:if test="$given ne ''">
      <issn>
        <xsl:choose>
          <xsl:when test="fp:issn-ok($compact)">
            <xsl:sequence select="substring($compact, 1, 4) || '-' || substring($compact, 5, 4)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="valid" select="'false'"/>
            <xsl:sequence select="$given"/>
          </xsl:otherwise>
        </xsl:choose>
      </issn>
    </xsl:if>
  </xsl:function>

  <!-- fp:without-issn-label: replace($s, '^ISSN[:\s]*', '', 'i'), run only when $s does not start
       with a digit. -->
  <xsl:function name="fp:without-issn-label" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if ($s ne '' and translate(substring($s, 1, 1), '0123456789', '') eq '') then $s
                          else replace($s, '^ISSN[:\s]*', '', 'i')"/>
  </xsl:function>

  <!-- Punctuation and white space after an ISSN. -->
  <xsl:variable name="fp:issn-trailing" static="yes" as="xs:string" select="' &#9;&#10;&#13;;:,.=/'"/>

  <xsl:function name="fp:issn-ok" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <!-- ^[0-9]{7}[0-9X]$ -->
    <xsl:sequence select="string-length($s) eq 8 and translate(substring($s, 1, 7), '0123456789', '') eq ''
        and translate(substring($s, 8), '0123456789X', '') eq ''
        and (let $d := for $c in string-to-codepoints($s) return (if ($c eq 88) then 10 else $c - 48)
             return sum(for $i in 1 to 8 return $d[$i] * (9 - $i)) mod 11 eq 0)"/>
  </xsl:function>

  <!--
    f:issn-string: one ISSN as text, for the places of the record that hold a plain string (isPartOf/issn,
    eissn, issnL, series/issn).

    Why: the same normalisation as f:issn, where no valid attribute can say that a number is wrong: a
    correct number becomes NNNN-NNNX, anything else is kept as given (trimmed, without an "ISSN" label),
    so that nothing is invented. Blank gives ().
  -->
  <xsl:function name="f:issn-string" as="xs:string?">
    <xsl:param name="raw" as="xs:string?"/>
    <xsl:variable name="given" select="normalize-space(fp:without-issn-label(normalize-space($raw)))"/>
    <xsl:variable name="compact" select="upper-case(translate(fp:strip-end($given, $fp:issn-trailing), ' &#9;&#10;&#13;-', ''))"/>
    <xsl:sequence select="if ($given eq '') then ()
                          else if (fp:issn-ok($compact)) then substring($compact, 1, 4) || '-' || substring($compact, 5, 4)
                          else $given"/>
  </xsl:function>

  <!-- ========================================================= DOI, ORCID, licences -->

  <!--
    f:doi: the DOI in a value, without its resolver: "doi:10.1000/182", "info:doi/10.1000/182",
    "https://doi.org/10.1000/182" and "http://dx.doi.org/10.1000/182" all give "10.1000/182".

    Why: the schema keeps a DOI without resolver prefix (deduplication compares DOIs); sources write
    every form. A value that is not a DOI (no "10." prefix with a registrant code and a suffix) gives ().
  -->
  <xsl:function name="f:doi" as="xs:string?">
    <xsl:param name="raw" as="xs:string?"/>
    <xsl:variable name="rest" select="replace(normalize-space($raw), '^(doi:\s*|info:doi/|https?://(dx\.)?doi\.org/)', '', 'i')"/>
    <xsl:sequence select="if (matches($rest, '^10\.\d{4,9}/\S+$')) then $rest else ()"/>
  </xsl:function>

  <!--
    f:orcid: an ORCID iD as the schema holds it, the sixteen characters in four hyphenated groups
    without resolver (0000-0002-1825-0097).

    Why: JATS contrib-id, Crossref ORCID and DOAJ orcid_id carry the iD as a URL (https://orcid.org/...,
    http://orcid.org/...), some sources as the bare number, with or without hyphens. The last
    character is an ISO 7064 MOD 11-2 check character over the fifteen digits before it (X for 10): an
    iD whose check character is wrong is not an iD, and gives (), as does anything else.
  -->
  <xsl:function name="f:orcid" as="xs:string?">
    <xsl:param name="raw" as="xs:string?"/>
    <xsl:variable name="s" select="upper-case(normalize-space($raw))"/>
    <xsl:variable name="pattern" select="'^(.*[^0-9])?([0-9]{4})-?([0-9]{4})-?([0-9]{4})-?([0-9]{3}[0-9X])/?$'"/>
    <xsl:if test="matches($s, $pattern)">
      <xsl:variable name="id" select="replace($s, $pattern, '$2-$3-$4-$5')"/>
      <xsl:sequence select="$id[fp:orcid-ok(translate(., '-', ''))]"/>
    </xsl:if>
  </xsl:function>

  <!-- fp:orcid-ok: the ISO 7064 MOD 11-2 check of sixteen characters. -->
  <xsl:function name="fp:orcid-ok" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="total" select="fold-left(string-to-codepoints(substring($s, 1, 15)), 0,
                                                 function($total, $c) { ($total + $c - 48) * 2 })"/>
    <xsl:variable name="result" select="(12 - $total mod 11) mod 11"/>
    <xsl:sequence select="substring($s, 16, 1) eq (if ($result eq 10) then 'X' else string($result))"/>
  </xsl:function>

  <!--
    f:is-open-licence: whether a licence URL is a Creative Commons licence or public-domain tool
    (creativecommons.org/licenses/..., creativecommons.org/publicdomain/...), with or without https
    and www.

    Why: an article published under such a licence can be read by anyone; the article crosswalks then
    give it an open-access electronic holding. Publishers' own licences (Elsevier's user licence, text-
    and data-mining licences, arXiv's non-exclusive distribution licence) say nothing of the sort.
  -->
  <xsl:function name="f:is-open-licence" as="xs:boolean">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="matches(normalize-space($url), '^(https?://)?(www\.)?creativecommons\.org/(licen[cs]es|publicdomain)/', 'i')"/>
  </xsl:function>

  <!-- ================================================================== languages -->

  <!--
    f:lang: a language code or name as an ISO 639-2/B code (the MARC language code list).

    Why: the CASHL schema and the MARC formats use the bibliographic (B) codes of ISO 639-2, but
    UNIMARC 101 and Dublin Core / MODS sources often carry the terminology (T) codes (zho, deu, fra),
    ISO 639-1 two-letter codes or BCP 47 tags (en-US, zh_CN, zh-Hans), or plain English names
    ("English", "Chinese"). Everything is mapped to one B code; blanks, fill characters (|||), "zxx"
    (no linguistic content), the local-use range qaa-qtz and anything unknown give the empty sequence,
    so the record simply has no language for that value. "und" and "mul" are valid codes and pass.
  -->
  <xsl:function name="f:lang" as="xs:string?">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:variable name="s" select="lower-case(normalize-space($code))"/>
    <!-- The usual case, a valid 639-2/B code as MARC 008 carries it, is one map lookup. -->
    <xsl:sequence select="if (map:contains($fp:iso639-2b-set, $s)) then $s else fp:lang($s)"/>
  </xsl:function>

  <xsl:function name="fp:lang" as="xs:string?">
    <xsl:param name="s" as="xs:string"/>
    <!-- BCP 47 / POSIX locale: keep the primary language subtag (en-US, zh_CN, zh-Hans-CN) -->
    <xsl:variable name="primary" select="if (matches($s, '^[a-z]{2,3}[\-_]')) then replace($s, '^([a-z]{2,3})[\-_].*$', '$1') else $s"/>
    <xsl:variable name="name" select="normalize-space(replace($s, '[.;,]+$', ''))"/>
    <xsl:variable name="result" as="xs:string?" select="
        if ($primary = ('', 'zxx') or matches($primary, '^q[a-t][a-z]$')) then ()
        else if (map:contains($fp:iso639-2b-set, $primary)) then $primary
        else if (map:contains($fp:iso639-2t, $primary)) then $fp:iso639-2t($primary)
        else if (map:contains($fp:iso639-1, $primary)) then $fp:iso639-1($primary)
        else if (map:contains($fp:language-names, $name)) then $fp:language-names($name)
        else ()"/>
    <xsl:sequence select="$result"/>
  </xsl:function>

  <!-- The ISO 639-2/B codes (from the Debian iso-codes data, without qaa-qtz and zxx). -->
  <xsl:variable name="fp:iso639-2b" static="yes" as="xs:string*"
                select="tokenize('aar abk ace ach ada ady afa afh afr ain aka akk alb ale alg alt amh ang anp apa ara arc arg arm arn
      arp art arw asm ast ath aus ava ave awa aym aze bad bai bak bal bam ban baq bas bat bej bel bem ben
      ber bho bih bik bin bis bla bnt bos bra bre btk bua bug bul bur byn cad cai car cat cau ceb cel cha
      chb che chg chi chk chm chn cho chp chr chu chv chy cmc cnr cop cor cos cpe cpf cpp cre crh crp csb
      cus cze dak dan dar day del den dgr din div doi dra dsb dua dum dut dyu dzo efi egy eka elx eng enm
      epo est ewe ewo fan fao fat fij fil fin fiu fon fre frm fro frr frs fry ful fur gaa gay gba gem geo
      ger gez gil gla gle glg glv gmh goh gon gor got grb grc gre grn gsw guj gwi hai hat hau haw heb her
      hil him hin hit hmn hmo hrv hsb hun hup iba ibo ice ido iii ijo iku ile ilo ina inc ind ine inh ipk
      ira iro ita jav jbo jpn jpr jrb kaa kab kac kal kam kan kar kas kau kaw kaz kbd kha khi khm kho kik
      kin kir kmb kok kom kon kor kos kpe krc krl kro kru kua kum kur kut lad lah lam lao lat lav lez lim
      lin lit lol loz ltz lua lub lug lui lun luo lus mac mad mag mah mai mak mal man mao map mar mas may
      mdf mdr men mga mic min mis mkh mlg mlt mnc mni mno moh mon mos mul mun mus mwl mwr myn myv nah nai
      nap nau nav nbl nde ndo nds nep new nia nic niu nno nob nog non nor nqo nso nub nwc nya nym nyn nyo
      nzi oci oji ori orm osa oss ota oto paa pag pal pam pan pap pau peo per phi phn pli pol pon por pra
      pro pus que raj rap rar roa roh rom rum run rup rus sad sag sah sai sal sam san sas sat scn sco sel
      sem sga sgn shn sid sin sio sit sla slo slv sma sme smi smj smn smo sms sna snd snk sog som son sot
      spa srd srn srp srr ssa ssw suk sun sus sux swa swe syc syr tah tai tam tat tel tem ter tet tgk tgl
      tha tib tig tir tiv tkl tlh tli tmh tog ton tpi tsi tsn tso tuk tum tup tur tut tvl twi tyv udm uga
      uig ukr umb und urd uzb vai ven vie vol vot wak wal war was wel wen wln wol xal xho yao yap yid yor
      ypk zap zbl zen zgh zha znd zul zun zza')"/>

  <!-- ISO 639-2/T codes that differ from their B code. -->
  <!-- The same codes as a map, for constant-time lookups. -->
  <xsl:variable name="fp:iso639-2b-set" static="yes" as="map(xs:string, xs:boolean)"
                select="map:merge(for $c in $fp:iso639-2b return map { $c : true() })"/>

  <xsl:variable name="fp:iso639-2t" static="yes" as="map(xs:string, xs:string)"
                select="map { 'bod': 'tib', 'ces': 'cze', 'cym': 'wel', 'deu': 'ger', 'ell': 'gre', 'eus': 'baq', 'fas': 'per', 'fra': 'fre', 'hye': 'arm', 'isl': 'ice', 'kat': 'geo', 'mkd': 'mac', 'mri': 'mao', 'msa': 'may', 'mya': 'bur', 'nld': 'dut', 'ron': 'rum', 'slk': 'slo', 'sqi': 'alb', 'zho': 'chi' }"/>

  <!-- ISO 639-1 two-letter codes to ISO 639-2/B. -->
  <xsl:variable name="fp:iso639-1" static="yes" as="map(xs:string, xs:string)"
                select="map { 'aa': 'aar', 'ab': 'abk', 'ae': 'ave', 'af': 'afr', 'ak': 'aka', 'am': 'amh', 'an': 'arg', 'ar': 'ara', 'as': 'asm', 'av': 'ava', 'ay': 'aym', 'az': 'aze', 'ba': 'bak', 'be': 'bel', 'bg': 'bul', 'bh': 'bih', 'bi': 'bis', 'bm': 'bam', 'bn': 'ben', 'bo': 'tib', 'br': 'bre', 'bs': 'bos', 'ca': 'cat', 'ce': 'che', 'ch': 'cha', 'co': 'cos', 'cr': 'cre', 'cs': 'cze', 'cu': 'chu', 'cv': 'chv', 'cy': 'wel', 'da': 'dan', 'de': 'ger', 'dv': 'div', 'dz': 'dzo', 'ee': 'ewe', 'el': 'gre', 'en': 'eng', 'eo': 'epo', 'es': 'spa', 'et': 'est', 'eu': 'baq', 'fa': 'per', 'ff': 'ful', 'fi': 'fin', 'fj': 'fij', 'fo': 'fao', 'fr': 'fre', 'fy': 'fry', 'ga': 'gle', 'gd': 'gla', 'gl': 'glg', 'gn': 'grn', 'gu': 'guj', 'gv': 'glv', 'ha': 'hau', 'he': 'heb', 'hi': 'hin', 'ho': 'hmo', 'hr': 'hrv', 'ht': 'hat', 'hu': 'hun', 'hy': 'arm', 'hz': 'her', 'ia': 'ina', 'id': 'ind', 'ie': 'ile', 'ig': 'ibo', 'ii': 'iii', 'ik': 'ipk', 'io': 'ido', 'is': 'ice', 'it': 'ita', 'iu': 'iku', 'ja': 'jpn', 'jv': 'jav', 'ka': 'geo', 'kg': 'kon', 'ki': 'kik', 'kj': 'kua', 'kk': 'kaz', 'kl': 'kal', 'km': 'khm', 'kn': 'kan', 'ko': 'kor', 'kr': 'kau', 'ks': 'kas', 'ku': 'kur', 'kv': 'kom', 'kw': 'cor', 'ky': 'kir', 'la': 'lat', 'lb': 'ltz', 'lg': 'lug', 'li': 'lim', 'ln': 'lin', 'lo': 'lao', 'lt': 'lit', 'lu': 'lub', 'lv': 'lav', 'mg': 'mlg', 'mh': 'mah', 'mi': 'mao', 'mk': 'mac', 'ml': 'mal', 'mn': 'mon', 'mr': 'mar', 'ms': 'may', 'mt': 'mlt', 'my': 'bur', 'na': 'nau', 'nb': 'nob', 'nd': 'nde', 'ne': 'nep', 'ng': 'ndo', 'nl': 'dut', 'nn': 'nno', 'no': 'nor', 'nr': 'nbl', 'nv': 'nav', 'ny': 'nya', 'oc': 'oci', 'oj': 'oji', 'om': 'orm', 'or': 'ori', 'os': 'oss', 'pa': 'pan', 'pi': 'pli', 'pl': 'pol', 'ps': 'pus', 'pt': 'por', 'qu': 'que', 'rm': 'roh', 'rn': 'run', 'ro': 'rum', 'ru': 'rus', 'rw': 'kin', 'sa': 'san', 'sc': 'srd', 'sd': 'snd', 'se': 'sme', 'sg': 'sag', 'si': 'sin', 'sk': 'slo', 'sl': 'slv', 'sm': 'smo', 'sn': 'sna', 'so': 'som', 'sq': 'alb', 'sr': 'srp', 'ss': 'ssw', 'st': 'sot', 'su': 'sun', 'sv': 'swe', 'sw': 'swa', 'ta': 'tam', 'te': 'tel', 'tg': 'tgk', 'th': 'tha', 'ti': 'tir', 'tk': 'tuk', 'tl': 'tgl', 'tn': 'tsn', 'to': 'ton', 'tr': 'tur', 'ts': 'tso', 'tt': 'tat', 'tw': 'twi', 'ty': 'tah', 'ug': 'uig', 'uk': 'ukr', 'ur': 'urd', 'uz': 'uzb', 've': 'ven', 'vi': 'vie', 'vo': 'vol', 'wa': 'wln', 'wo': 'wol', 'xh': 'xho', 'yi': 'yid', 'yo': 'yor', 'za': 'zha', 'zh': 'chi', 'zu': 'zul' }"/>

  <!-- English language names (ISO 639-2 reference names, lower case) and a few common variants,
       including the Chinese names Chinese sources use, to ISO 639-2/B. -->
  <xsl:variable name="fp:language-names" static="yes" as="map(xs:string, xs:string)"
                select="map {
      'abkhazian': 'abk',
      'achinese': 'ace',
      'acoli': 'ach',
      'adangme': 'ada',
      'adygei': 'ady',
      'adyghe': 'ady',
      'afar': 'aar',
      'afrihili': 'afh',
      'afrikaans': 'afr',
      'afro-asiatic languages': 'afa',
      'ainu': 'ain',
      'akan': 'aka',
      'akkadian': 'akk',
      'albanian': 'alb',
      'alemannic': 'gsw',
      'aleut': 'ale',
      'algonquian languages': 'alg',
      'alsatian': 'gsw',
      'altaic languages': 'tut',
      'amharic': 'amh',
      'ancient greek': 'grc',
      'angika': 'anp',
      'apache languages': 'apa',
      'arabic': 'ara',
      'aragonese': 'arg',
      'arapaho': 'arp',
      'arawak': 'arw',
      'armenian': 'arm',
      'aromanian': 'rup',
      'artificial languages': 'art',
      'arumanian': 'rup',
      'assamese': 'asm',
      'asturian': 'ast',
      'asturleonese': 'ast',
      'athapascan languages': 'ath',
      'australian languages': 'aus',
      'austronesian languages': 'map',
      'avaric': 'ava',
      'avestan': 'ave',
      'awadhi': 'awa',
      'aymara': 'aym',
      'azerbaijani': 'aze',
      'bable': 'ast',
      'balinese': 'ban',
      'baltic languages': 'bat',
      'baluchi': 'bal',
      'bambara': 'bam',
      'bamileke languages': 'bai',
      'banda languages': 'bad',
      'bantu (other)': 'bnt',
      'basa': 'bas',
      'bashkir': 'bak',
      'basque': 'baq',
      'batak languages': 'btk',
      'bedawiyet': 'bej',
      'beja': 'bej',
      'belarusian': 'bel',
      'bemba': 'bem',
      'bengali': 'ben',
      'berber languages': 'ber',
      'bhojpuri': 'bho',
      'bihari languages': 'bih',
      'bikol': 'bik',
      'bilin': 'byn',
      'bini': 'bin',
      'bislama': 'bis',
      'blin': 'byn',
      'bliss': 'zbl',
      'blissymbolics': 'zbl',
      'blissymbols': 'zbl',
      'bokmål, norwegian': 'nob',
      'bosnian': 'bos',
      'braj': 'bra',
      'breton': 'bre',
      'buginese': 'bug',
      'bulgarian': 'bul',
      'buriat': 'bua',
      'burmese': 'bur',
      'caddo': 'cad',
      'cantonese': 'chi',
      'castilian': 'spa',
      'catalan': 'cat',
      'caucasian languages': 'cau',
      'cebuano': 'ceb',
      'celtic languages': 'cel',
      'central american indian languages': 'cai',
      'central khmer': 'khm',
      'chagatai': 'chg',
      'chamic languages': 'cmc',
      'chamorro': 'cha',
      'chechen': 'che',
      'cherokee': 'chr',
      'chewa': 'nya',
      'cheyenne': 'chy',
      'chibcha': 'chb',
      'chichewa': 'nya',
      'chinese': 'chi',
      'chinese (simplified)': 'chi',
      'chinese (traditional)': 'chi',
      'chinook jargon': 'chn',
      'chipewyan': 'chp',
      'choctaw': 'cho',
      'chuang': 'zha',
      'church slavic': 'chu',
      'church slavonic': 'chu',
      'chuukese': 'chk',
      'chuvash': 'chv',
      'classical chinese': 'chi',
      'classical nepal bhasa': 'nwc',
      'classical newari': 'nwc',
      'classical syriac': 'syc',
      'cook islands maori': 'rar',
      'coptic': 'cop',
      'cornish': 'cor',
      'corsican': 'cos',
      'cree': 'cre',
      'creek': 'mus',
      'creoles and pidgins': 'crp',
      'creoles and pidgins, english based': 'cpe',
      'creoles and pidgins, french-based': 'cpf',
      'creoles and pidgins, portuguese-based': 'cpp',
      'crimean tatar': 'crh',
      'crimean turkish': 'crh',
      'croatian': 'hrv',
      'cushitic languages': 'cus',
      'czech': 'cze',
      'dakota': 'dak',
      'danish': 'dan',
      'dargwa': 'dar',
      'delaware': 'del',
      'dene suline': 'chp',
      'dhivehi': 'div',
      'dimili': 'zza',
      'dimli': 'zza',
      'dinka': 'din',
      'divehi': 'div',
      'dogri': 'doi',
      'dogrib': 'dgr',
      'dravidian languages': 'dra',
      'duala': 'dua',
      'dutch': 'dut',
      'dutch, middle (ca. 1050-1350)': 'dum',
      'dyula': 'dyu',
      'dzongkha': 'dzo',
      'eastern frisian': 'frs',
      'edo': 'bin',
      'efik': 'efi',
      'egyptian (ancient)': 'egy',
      'ekajuk': 'eka',
      'elamite': 'elx',
      'english': 'eng',
      'english, middle (1100-1500)': 'enm',
      'english, old (ca. 450-1100)': 'ang',
      'erzya': 'myv',
      'esperanto': 'epo',
      'estonian': 'est',
      'ewe': 'ewe',
      'ewondo': 'ewo',
      'fang': 'fan',
      'fanti': 'fat',
      'faroese': 'fao',
      'farsi': 'per',
      'fijian': 'fij',
      'filipino': 'fil',
      'finnish': 'fin',
      'finno-ugrian languages': 'fiu',
      'flemish': 'dut',
      'fon': 'fon',
      'french': 'fre',
      'french, middle (ca. 1400-1600)': 'frm',
      'french, old (842-ca. 1400)': 'fro',
      'friulian': 'fur',
      'fulah': 'ful',
      'ga': 'gaa',
      'gaelic': 'gla',
      'galibi carib': 'car',
      'galician': 'glg',
      'ganda': 'lug',
      'gayo': 'gay',
      'gbaya': 'gba',
      'geez': 'gez',
      'georgian': 'geo',
      'german': 'ger',
      'german, low': 'nds',
      'german, middle high (ca. 1050-1500)': 'gmh',
      'german, old high (ca. 750-1050)': 'goh',
      'germanic languages': 'gem',
      'gikuyu': 'kik',
      'gilbertese': 'gil',
      'gondi': 'gon',
      'gorontalo': 'gor',
      'gothic': 'got',
      'grebo': 'grb',
      'greek': 'gre',
      'greek, ancient (to 1453)': 'grc',
      'greek, modern (1453-)': 'gre',
      'greenlandic': 'kal',
      'guarani': 'grn',
      'gujarati': 'guj',
      'gwich''in': 'gwi',
      'haida': 'hai',
      'haitian': 'hat',
      'haitian creole': 'hat',
      'hausa': 'hau',
      'hawaiian': 'haw',
      'hebrew': 'heb',
      'herero': 'her',
      'hiligaynon': 'hil',
      'himachali languages': 'him',
      'hindi': 'hin',
      'hiri motu': 'hmo',
      'hittite': 'hit',
      'hmong': 'hmn',
      'hungarian': 'hun',
      'hupa': 'hup',
      'iban': 'iba',
      'icelandic': 'ice',
      'ido': 'ido',
      'igbo': 'ibo',
      'ijo languages': 'ijo',
      'iloko': 'ilo',
      'imperial aramaic (700-300 bce)': 'arc',
      'inari sami': 'smn',
      'indic languages': 'inc',
      'indo-european languages': 'ine',
      'indonesian': 'ind',
      'ingush': 'inh',
      'interlingua (international auxiliary language association)': 'ina',
      'interlingue': 'ile',
      'inuktitut': 'iku',
      'inupiaq': 'ipk',
      'iranian languages': 'ira',
      'irish': 'gle',
      'irish gaelic': 'gle',
      'irish, middle (900-1200)': 'mga',
      'irish, old (to 900)': 'sga',
      'iroquoian languages': 'iro',
      'italian': 'ita',
      'japanese': 'jpn',
      'javanese': 'jav',
      'jingpho': 'kac',
      'judeo-arabic': 'jrb',
      'judeo-persian': 'jpr',
      'kabardian': 'kbd',
      'kabyle': 'kab',
      'kachin': 'kac',
      'kalaallisut': 'kal',
      'kalmyk': 'xal',
      'kamba': 'kam',
      'kannada': 'kan',
      'kanuri': 'kau',
      'kapampangan': 'pam',
      'kara-kalpak': 'kaa',
      'karachay-balkar': 'krc',
      'karelian': 'krl',
      'karen languages': 'kar',
      'kashmiri': 'kas',
      'kashubian': 'csb',
      'kawi': 'kaw',
      'kazakh': 'kaz',
      'khasi': 'kha',
      'khoisan languages': 'khi',
      'khotanese': 'kho',
      'kikuyu': 'kik',
      'kimbundu': 'kmb',
      'kinyarwanda': 'kin',
      'kirdki': 'zza',
      'kirghiz': 'kir',
      'kirmanjki': 'zza',
      'klingon': 'tlh',
      'komi': 'kom',
      'kongo': 'kon',
      'konkani': 'kok',
      'korean': 'kor',
      'kosraean': 'kos',
      'kpelle': 'kpe',
      'kru languages': 'kro',
      'kuanyama': 'kua',
      'kumyk': 'kum',
      'kurdish': 'kur',
      'kurukh': 'kru',
      'kutenai': 'kut',
      'kwanyama': 'kua',
      'kyrgyz': 'kir',
      'ladino': 'lad',
      'lahnda': 'lah',
      'lamba': 'lam',
      'land dayak languages': 'day',
      'lao': 'lao',
      'latin': 'lat',
      'latvian': 'lav',
      'leonese': 'ast',
      'letzeburgesch': 'ltz',
      'lezghian': 'lez',
      'limburgan': 'lim',
      'limburger': 'lim',
      'limburgish': 'lim',
      'lingala': 'lin',
      'lithuanian': 'lit',
      'lojban': 'jbo',
      'low german': 'nds',
      'low saxon': 'nds',
      'lower sorbian': 'dsb',
      'lozi': 'loz',
      'luba-katanga': 'lub',
      'luba-lulua': 'lua',
      'luiseno': 'lui',
      'lule sami': 'smj',
      'lunda': 'lun',
      'luo (kenya and tanzania)': 'luo',
      'lushai': 'lus',
      'luxembourgish': 'ltz',
      'macedo-romanian': 'rup',
      'macedonian': 'mac',
      'madurese': 'mad',
      'magahi': 'mag',
      'maithili': 'mai',
      'makasar': 'mak',
      'malagasy': 'mlg',
      'malay': 'may',
      'malayalam': 'mal',
      'maldivian': 'div',
      'maltese': 'mlt',
      'manchu': 'mnc',
      'mandar': 'mdr',
      'mandarin': 'chi',
      'mandingo': 'man',
      'manipuri': 'mni',
      'manobo languages': 'mno',
      'manx': 'glv',
      'maori': 'mao',
      'mapuche': 'arn',
      'mapudungun': 'arn',
      'marathi': 'mar',
      'mari': 'chm',
      'marshallese': 'mah',
      'marwari': 'mwr',
      'masai': 'mas',
      'mayan languages': 'myn',
      'mende': 'men',
      'mi''kmaq': 'mic',
      'micmac': 'mic',
      'minangkabau': 'min',
      'mirandese': 'mwl',
      'modern greek': 'gre',
      'mohawk': 'moh',
      'moksha': 'mdf',
      'moldavian': 'rum',
      'moldovan': 'rum',
      'mon-khmer languages': 'mkh',
      'mong': 'hmn',
      'mongo': 'lol',
      'mongolian': 'mon',
      'montenegrin': 'cnr',
      'mossi': 'mos',
      'multiple languages': 'mul',
      'munda languages': 'mun',
      'n''ko': 'nqo',
      'nahuatl languages': 'nah',
      'nauru': 'nau',
      'navaho': 'nav',
      'navajo': 'nav',
      'ndebele, north': 'nde',
      'ndebele, south': 'nbl',
      'ndonga': 'ndo',
      'neapolitan': 'nap',
      'nepal bhasa': 'new',
      'nepali': 'nep',
      'newari': 'new',
      'nias': 'nia',
      'niger-kordofanian languages': 'nic',
      'nilo-saharan languages': 'ssa',
      'niuean': 'niu',
      'nogai': 'nog',
      'norse, old': 'non',
      'north american indian languages': 'nai',
      'north ndebele': 'nde',
      'northern frisian': 'frr',
      'northern sami': 'sme',
      'northern sotho': 'nso',
      'norwegian': 'nor',
      'norwegian bokmål': 'nob',
      'norwegian nynorsk': 'nno',
      'nubian languages': 'nub',
      'nuosu': 'iii',
      'nyamwezi': 'nym',
      'nyanja': 'nya',
      'nyankole': 'nyn',
      'nynorsk, norwegian': 'nno',
      'nyoro': 'nyo',
      'nzima': 'nzi',
      'occidental': 'ile',
      'occitan (post 1500)': 'oci',
      'official aramaic (700-300 bce)': 'arc',
      'oirat': 'xal',
      'ojibwa': 'oji',
      'old bulgarian': 'chu',
      'old church slavonic': 'chu',
      'old newari': 'nwc',
      'old slavonic': 'chu',
      'oriya': 'ori',
      'oromo': 'orm',
      'osage': 'osa',
      'ossetian': 'oss',
      'ossetic': 'oss',
      'otomian languages': 'oto',
      'pahlavi': 'pal',
      'palauan': 'pau',
      'pali': 'pli',
      'pampanga': 'pam',
      'pangasinan': 'pag',
      'panjabi': 'pan',
      'papiamento': 'pap',
      'papuan languages': 'paa',
      'pashto': 'pus',
      'pedi': 'nso',
      'persian': 'per',
      'persian, old (ca. 600-400 b.c.)': 'peo',
      'philippine languages': 'phi',
      'phoenician': 'phn',
      'pilipino': 'fil',
      'pohnpeian': 'pon',
      'polish': 'pol',
      'portuguese': 'por',
      'prakrit languages': 'pra',
      'provençal': 'oci',
      'provençal, old (to 1500)': 'pro',
      'punjabi': 'pan',
      'pushto': 'pus',
      'quechua': 'que',
      'rajasthani': 'raj',
      'rapanui': 'rap',
      'rarotongan': 'rar',
      'romance languages': 'roa',
      'romanian': 'rum',
      'romansh': 'roh',
      'romany': 'rom',
      'rundi': 'run',
      'russian': 'rus',
      'sakan': 'kho',
      'salishan languages': 'sal',
      'samaritan aramaic': 'sam',
      'sami languages': 'smi',
      'samoan': 'smo',
      'sandawe': 'sad',
      'sango': 'sag',
      'sanskrit': 'san',
      'santali': 'sat',
      'sardinian': 'srd',
      'sasak': 'sas',
      'saxon, low': 'nds',
      'scots': 'sco',
      'scottish gaelic': 'gla',
      'selkup': 'sel',
      'semitic languages': 'sem',
      'sepedi': 'nso',
      'serbian': 'srp',
      'serer': 'srr',
      'shan': 'shn',
      'shona': 'sna',
      'sichuan yi': 'iii',
      'sicilian': 'scn',
      'sidamo': 'sid',
      'sign languages': 'sgn',
      'siksika': 'bla',
      'sindhi': 'snd',
      'sinhala': 'sin',
      'sinhalese': 'sin',
      'sino-tibetan languages': 'sit',
      'siouan languages': 'sio',
      'skolt sami': 'sms',
      'slave (athapascan)': 'den',
      'slavic languages': 'sla',
      'slovak': 'slo',
      'slovenian': 'slv',
      'sogdian': 'sog',
      'somali': 'som',
      'songhai languages': 'son',
      'soninke': 'snk',
      'sorbian languages': 'wen',
      'sotho, southern': 'sot',
      'south american indian (other)': 'sai',
      'south ndebele': 'nbl',
      'southern altai': 'alt',
      'southern sami': 'sma',
      'spanish': 'spa',
      'sranan tongo': 'srn',
      'standard moroccan tamazight': 'zgh',
      'sukuma': 'suk',
      'sumerian': 'sux',
      'sundanese': 'sun',
      'susu': 'sus',
      'swahili': 'swa',
      'swati': 'ssw',
      'swedish': 'swe',
      'swiss german': 'gsw',
      'syriac': 'syr',
      'tagalog': 'tgl',
      'tahitian': 'tah',
      'tai languages': 'tai',
      'tajik': 'tgk',
      'tamashek': 'tmh',
      'tamil': 'tam',
      'tatar': 'tat',
      'telugu': 'tel',
      'tereno': 'ter',
      'tetum': 'tet',
      'thai': 'tha',
      'tibetan': 'tib',
      'tigre': 'tig',
      'tigrinya': 'tir',
      'timne': 'tem',
      'tiv': 'tiv',
      'tlhingan-hol': 'tlh',
      'tlingit': 'tli',
      'tok pisin': 'tpi',
      'tokelau': 'tkl',
      'tonga (nyasa)': 'tog',
      'tonga (tonga islands)': 'ton',
      'tsimshian': 'tsi',
      'tsonga': 'tso',
      'tswana': 'tsn',
      'tumbuka': 'tum',
      'tupi languages': 'tup',
      'turkish': 'tur',
      'turkish, ottoman (1500-1928)': 'ota',
      'turkmen': 'tuk',
      'tuvalu': 'tvl',
      'tuvinian': 'tyv',
      'twi': 'twi',
      'udmurt': 'udm',
      'ugaritic': 'uga',
      'uighur': 'uig',
      'ukrainian': 'ukr',
      'umbundu': 'umb',
      'uncoded languages': 'mis',
      'undetermined': 'und',
      'upper sorbian': 'hsb',
      'urdu': 'urd',
      'uyghur': 'uig',
      'uzbek': 'uzb',
      'vai': 'vai',
      'valencian': 'cat',
      'venda': 'ven',
      'vietnamese': 'vie',
      'volapük': 'vol',
      'votic': 'vot',
      'wakashan languages': 'wak',
      'walamo': 'wal',
      'walloon': 'wln',
      'waray': 'war',
      'washo': 'was',
      'welsh': 'wel',
      'western frisian': 'fry',
      'western pahari languages': 'him',
      'wolof': 'wol',
      'xhosa': 'xho',
      'yakut': 'sah',
      'yao': 'yao',
      'yapese': 'yap',
      'yiddish': 'yid',
      'yoruba': 'yor',
      'yupik languages': 'ypk',
      'zande languages': 'znd',
      'zapotec': 'zap',
      'zaza': 'zza',
      'zazaki': 'zza',
      'zenaga': 'zen',
      'zhuang': 'zha',
      'zulu': 'zul',
      'zuni': 'zun',
      '中文': 'chi',
      '俄语': 'rus',
      '德语': 'ger',
      '日文': 'jpn',
      '日语': 'jpn',
      '朝鲜语': 'kor',
      '汉语': 'chi',
      '法语': 'fre',
      '英文': 'eng',
      '英语': 'eng',
      '西班牙语': 'spa',
      '韩语': 'kor' }"/>

  <!-- ====================================================================== dates -->

  <!--
    f:year: the first plausible year (1000-2099) in a transcribed date.

    Why: MARC 260/264 $c and UNIMARC 210 $d are transcribed, not normalised: "c1999.", "[2003]",
    "2003-2005", "1990s", "民国25 [1936]". The first run of exactly four digits within 1000-2099 is
    taken. Incomplete dates ("19uu", "[199-?]") give the empty sequence: a guessed decade would be
    wrong more often than useful for deduplication.
  -->
  <xsl:function name="f:year" as="xs:string?">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="runs" as="xs:string*">
      <xsl:analyze-string select="string($text)" regex="[0-9]+">
        <xsl:matching-substring>
          <xsl:sequence select="."/>
        </xsl:matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="$runs[string-length(.) eq 4 and xs:integer(.) ge 1000 and xs:integer(.) le 2099][1]"/>
  </xsl:function>

  <!-- ===================================================================== text -->

  <!--
    f:trim-isbd: a transcribed field value without the ISBD punctuation that separates it from the
    next subfield.

    Why: AACR2/ISBD cataloguing puts the punctuation preceding an element at the end of the previous
    subfield ("Pride and prejudice /", "London :", "Penguin,", "2003."). It is removed, repeatedly,
    from the end: " /", " :", " ;", " =", ",", a dash after a space (the ". - " area separator left at
    the end of a subfield; an open date "1920-" keeps its dash), and a final "." - except when the period belongs to the
    data: an initial ("Smith, J.") or a common abbreviation ("ed.", "Inc.", "Co.", "etc.", "Jr.",
    "v.", "no.", "p."). Square brackets mark supplied data ("[London]"); the subfield split often
    leaves one of them alone ("[London :" / "2003]"), so an unbalanced leading "[" or trailing "]" is
    removed too. The full-width forms Chinese records sometimes use (／ ： ； ＝ ， 、 。) are removed like their
    ASCII counterparts. Whitespace is normalised; an empty result is the empty sequence.
  -->
  <xsl:function name="f:trim-isbd" as="xs:string?">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="s" select="fp:trim-isbd(normalize-space($text))"/>
    <xsl:sequence select="$s[. ne '']"/>
  </xsl:function>

  <!-- This runs on most subfields of a MARC record: string functions, not regular expressions, and
       sets of characters as strings (contains($chars, $c) for one character $c). -->
  <xsl:function name="fp:trim-isbd" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <!-- Most values end in nothing to trim: answer those straight away. -->
    <xsl:sequence select="if ($s eq '' or (not(contains($fp:isbd-trailing, substring($s, string-length($s))))
                                           and not(contains($s, '[')) and not(contains($s, ']'))))
                          then $s else fp:trim-isbd-slow($s)"/>
  </xsl:function>

  <!-- ISBD marks removed from the end of a value (with the full-width forms of Chinese records). -->
  <xsl:variable name="fp:isbd-marks" static="yes" as="xs:string" select="'/:;=,／：；＝，、。'"/>

  <!-- fp:trim-dash-run: a run of dashes after a space (an area separator left at the end) goes; "1920-" keeps
       its dash, because no space precedes it. -->
  <xsl:function name="fp:trim-dash-run" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="undashed" select="fp:strip-end($s, '-')"/>
    <xsl:sequence select="if (ends-with($undashed, ' ')) then normalize-space($undashed) else $s"/>
  </xsl:function>

  <!-- Characters that can end a value in ISBD punctuation or supplied-data brackets. -->
  <xsl:variable name="fp:isbd-trailing" static="yes" as="xs:string" select="'/:;=,.-[]／：；＝，、。'"/>

  <!-- fp:trim-isbd-slow: one round of trimming of a value that is not empty. -->
  <xsl:function name="fp:trim-isbd-slow" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:variable name="last" select="substring($s, $n)"/>
    <!-- One ISBD mark at the end, with the space before it; or a run of dashes after a space. -->
    <xsl:variable name="t1" select="
        if (contains($fp:isbd-marks, $last)) then normalize-space(substring($s, 1, $n - 1))
        else if ($last eq '-') then fp:trim-dash-run($s)
        else $s"/>
    <xsl:variable name="t2" select="if (ends-with($t1, '.') and not(fp:keeps-period($t1)))
                                    then normalize-space(substring($t1, 1, string-length($t1) - 1)) else $t1"/>
    <!-- An unbalanced bracket at either end; most values have none. -->
    <xsl:variable name="t3" select="
        if (not(contains($t2, '[')) and not(contains($t2, ']'))) then $t2
        else
          let $opens := string-length($t2) - string-length(translate($t2, '[', '')),
              $closes := string-length($t2) - string-length(translate($t2, ']', ''))
          return
            if ($opens gt $closes and starts-with($t2, '[')) then substring($t2, 2)
            else if ($closes gt $opens and ends-with($t2, ']')) then substring($t2, 1, string-length($t2) - 1)
            else $t2"/>
    <xsl:variable name="t4" select="normalize-space($t3)"/>
    <xsl:sequence select="if ($t4 eq $s) then $s else fp:trim-isbd($t4)"/>
  </xsl:function>

  <!-- fp:keeps-period: true when the final period of $s ends an initial, an abbreviation or an ellipsis. -->
  <xsl:function name="fp:keeps-period" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <!-- $s ends with a period. The letter and the character before the period; the regular
         expression last, when the cheaper tests have not decided. -->
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:sequence select="
        ends-with($s, '...')
        or ($n ge 2 and ($n eq 2 or contains(' .,(-', substring($s, $n - 2, 1))) and matches(substring($s, $n - 1, 1), '^\p{L}$'))
        or map:contains($fp:abbreviation-set, fp:last-word($s))"/>
  </xsl:function>

  <!--
    fp:last-word: the last word of $s, which ends with a period, lower case and without that period.
    Words end at white space, "(" and "-": tokenize($s, '[\s(\-]')[last()], but without a regular
    expression, since this runs for every value that ends with a period. The one-argument tokenize
    splits at white space; "(" and "-" are made spaces first. The results are the same because $s
    does not end with a separator.
  -->
  <xsl:function name="fp:last-word" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="last" select="lower-case(tokenize(translate($s, '(-', '  '))[last()])"/>
    <xsl:sequence select="substring($last, 1, string-length($last) - 1)"/>
  </xsl:function>

  <!-- fp:strip-start, fp:strip-end: $s without the characters of $chars at its start, or at its end.
       Together they do what replace($s, '^[chars]+|[chars]+$', '') does, without its cost. -->
  <xsl:function name="fp:strip-start" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="chars" as="xs:string"/>
    <xsl:sequence select="if ($s ne '' and contains($chars, substring($s, 1, 1))) then fp:strip-start(substring($s, 2), $chars) else $s"/>
  </xsl:function>

  <xsl:function name="fp:strip-end" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="chars" as="xs:string"/>
    <xsl:sequence select="if ($s ne '' and contains($chars, substring($s, string-length($s))))
                          then fp:strip-end(substring($s, 1, string-length($s) - 1), $chars) else $s"/>
  </xsl:function>

  <!-- Abbreviations (AACR2 appendix B, lower case, without their final period) whose period is data;
       the token before the period is compared, so multi-word entries never match and are harmless. -->
  <xsl:variable name="fp:abbreviations" static="yes" as="xs:string*" select="
      ('ed', 'eds', 'enl', 'rev', 'inc', 'co', 'corp', 'ltd', 'bros', 'etc', 'jr', 'sr', 'jun', 'sen',
       'v', 'vol', 'vols', 'no', 'nos', 'p', 'pp', 'pt', 'pts', 'ser', 'col', 'ill', 'illus', 'cm', 'mm',
       'comp', 'comps', 'tr', 'trans', 'st', 'ste', 'dr', 'mr', 'mrs', 'ms', 'prof', 'dept', 'univ',
       'ca', 'fl', 'b', 'd', 'cent', 'approx', 'n.d', 's.l', 's.n', 'i.e', 'e.g', 'et al', 'al',
       'min', 'sec', 'hrs', 'ft', 'in', 'cf', 'esp', 'abr', 'repr', 'suppl', 'introd', 'pref',
       (: places as AACR2 abbreviates them in imprints, e.g. Lanham, Md. :)
       'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
       'la', 'mass', 'md', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa',
       'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'n.y', 'n.j', 'n.c', 's.c', 'd.c', 'n.h',
       'n.m', 'r.i', 'ont', 'que', 'b.c', 'alta', 'n.s.w', 'vic', 'qld')"/>

  <!-- The same, as a map for constant-time lookups. -->
  <xsl:variable name="fp:abbreviation-set" static="yes" as="map(xs:string, xs:boolean)"
                select="map:merge($fp:abbreviations ! map { . : true() }, map { 'duplicates': 'use-first' })"/>

  <!--
    f:code: a value as a CASHL Code ([a-z0-9][a-z0-9_.\-]{0,63}), used for library codes, scheme codes
    and source ids.

    Why: $2 sources and local library codes arrive in any case and with spaces ("CLC", "LC SH",
    "PKU Lib"). Diacritics are folded (Unicode NFD, marks removed), the rest is lower-cased, every run
    of other characters becomes "-", and leading characters the pattern forbids are dropped, as are
    trailing ".", "-" and "_" (ISBD punctuation: $2 "sears."); at most 64 characters. Nothing left
    (e.g. a code written only in Chinese characters) gives ().
  -->
  <xsl:function name="f:code" as="xs:string?">
    <xsl:param name="text" as="xs:string?"/>
    <!-- Values that already are codes (pku, lcsh, aut) need no folding: return them as they are. -->
    <xsl:sequence select="if (string-length($text) le 64
                              and translate($text, 'abcdefghijklmnopqrstuvwxyz0123456789_.-', '') eq ''
                              and translate(substring($text, 1, 1), '_.-', '') ne ''
                              and translate(substring($text, string-length($text)), '_.-', '') ne '')
                          then $text else fp:code($text)"/>
  </xsl:function>

  <xsl:function name="fp:code" as="xs:string?">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="folded" select="lower-case(replace(normalize-unicode(normalize-space($text), 'NFD'), '\p{M}', ''))"/>
    <xsl:variable name="dashed" select="replace(replace($folded, '[^a-z0-9_.\-]+', '-'), '-{2,}', '-')"/>
    <xsl:variable name="start" select="replace($dashed, '^[^a-z0-9]+', '')"/>
    <xsl:variable name="cut" select="replace(substring($start, 1, 64), '[\-._]+$', '')"/>
    <xsl:sequence select="$cut[. ne '']"/>
  </xsl:function>

  <!-- ================================================================== relators -->

  <!--
    f:relator: a MARC relator code for a contributor's role.

    Why: MARC 21 records carry the role as a code ($4 "aut"), as an English term ($e "editor",
    abbreviated by AACR2 as "ed.", "comp.", "tr."), and UNIMARC records as a numeric code (UNIMARC
    Manual, Appendix C: 070 author, 340 editor, 730 translator, ...). All become the MARC Code List for
    Relators code the schema's role attribute holds. Codes given as URIs
    (http://id.loc.gov/vocabulary/relators/aut) are reduced to the code. Unknown values give (): the
    role attribute is then omitted rather than guessed.
  -->
  <xsl:function name="f:relator" as="xs:string?">
    <xsl:param name="term" as="xs:string?"/>
    <!-- Most terms are a code or a word with a period ("author."): string functions instead of regular
         expressions for them, which would cost more than the rest of the function. -->
    <xsl:variable name="text" select="string($term)"/>
    <xsl:variable name="s" select="lower-case(normalize-space(if (contains($text, '/relators/')) then replace($text, '^.*/relators/', '') else $text))"/>
    <!-- replace($s, '^[\s,;:.(\[]+|[\s,;:.)\]]+$', '') -->
    <xsl:variable name="t" select="normalize-space(fp:strip-end(fp:strip-start($s, ' &#9;&#10;&#13;,;:.(['), ' &#9;&#10;&#13;,;:.)]'))"/>
    <!-- three characters: ^[0-9]{3}$, a UNIMARC code; ^[a-z]{3}$, perhaps a MARC code -->
    <xsl:variable name="three" select="string-length($t) eq 3"/>
    <xsl:sequence select="
        if ($t eq '') then ()
        else if ($three and translate($t, '0123456789', '') eq '') then $fp:unimarc-relators($t)
        else if ($three and translate($t, 'abcdefghijklmnopqrstuvwxyz', '') eq '' and map:contains($fp:marc-relator-set, $t)) then $t
        else if (map:contains($fp:relator-terms, $t)) then $fp:relator-terms($t)
        else ()"/>
  </xsl:function>

  <!-- The MARC Code List for Relators (codes in current or recent use). -->
  <xsl:variable name="fp:marc-relators" static="yes" as="xs:string*" select="tokenize('
      abr acp act adi adp aft anc anl anm ann ant ape apl app aqt arc ard arr art asg asn ato att auc
      aud aue aui aup aus aut bdd bjd bka bkd bkp blw bnd bpd brd brl bsl cad cas ccp chr cli cll clr
      clt cmm cmp cmt cnd cng cns coe col com con cop cor cos cot cou cov cpc cpe cph cpl cpt cre crp
      crr crt csl csp cst ctb cte ctg ctr cts ctt cur cwt dbd dbp dfd dfe dft dgc dgg dgs dis djo dln
      dnc dnr dpc dpt drm drt dsr dst dtc dte dtm dto dub edc edd edm edt egr elg elt eng enj etr evp
      exp fac fds fld flm fmd fmk fmo fmp fnd fon fpy frg gdv gis his hnr hst ill ilu ins inv isb itr
      ive ivr jud jug lbr lbt ldr led lee lel len let lgd lie lil lit lsa lse lso ltg ltr lyr mcp mdc
      med mfp mfr mka mod mon mrb mrk msd mte mtk mup mus mxe nan nrt onp opn org orm osp oth own pad
      pan pat pbd pbl pdr pfr pht plt pma pmn pop ppm ppt pra prc prd pre prf prg prm prn pro prp prs
      prt prv pta pte ptf pth ptt pup rap rbr rcd rce rcp rdd red ren res rev rpc rps rpt rpy rse rsg
      rsp rsr rst rth rtm rxa sad sce scl scr sde sds sec sfx sgd sgn sht sll sng spk spn spy srv std
      stg stl stm stn str swd tau tcd tch ths tld tlg tlh tlp trc trl tyd tyg uvp vac vdg vfx voc wac
      wal wam wat wdc wde win wit wpr wst wts clb grt')"/>

  <!-- The same, as a map for constant-time lookups. -->
  <xsl:variable name="fp:marc-relator-set" static="yes" as="map(xs:string, xs:boolean)"
                select="map:merge($fp:marc-relators ! map { . : true() }, map { 'duplicates': 'use-first' })"/>

  <!-- UNIMARC relator codes (UNIMARC Manual - Bibliographic Format, Appendix C) to MARC relator codes. -->
  <xsl:variable name="fp:unimarc-relators" static="yes" as="map(xs:string, xs:string)" select="map {
      '005': 'act', '010': 'adp', '018': 'anm', '020': 'ann', '030': 'arr', '040': 'art', '050': 'asg',
      '060': 'asn', '065': 'auc', '070': 'aut', '072': 'aqt', '075': 'aft', '080': 'aui', '090': 'aud',
      '100': 'ant', '110': 'bnd', '120': 'bdd', '130': 'bkd', '140': 'bjd', '150': 'bpd', '160': 'bsl',
      '170': 'cll', '180': 'ctg', '190': 'cns', '200': 'chr', '205': 'ctb', '210': 'cmm', '212': 'cwt',
      '220': 'com', '230': 'cmp', '240': 'cmt', '245': 'ccp', '250': 'cnd', '255': 'csp', '260': 'cph',
      '270': 'crr', '273': 'cur', '275': 'dnc', '280': 'dte', '290': 'dto', '295': 'dgg', '300': 'drt',
      '305': 'dis', '310': 'dst', '320': 'dnr', '330': 'dub', '340': 'edt', '350': 'egr', '360': 'etr',
      '365': 'exp', '370': 'flm', '380': 'frg', '390': 'fmo', '400': 'fnd', '420': 'hnr', '430': 'ilu',
      '440': 'ill', '450': 'ins', '460': 'ive', '470': 'ivr', '480': 'lbt', '490': 'lse', '500': 'lso',
      '510': 'ltg', '520': 'lyr', '530': 'mte', '540': 'mon', '550': 'nrt', '555': 'opn', '557': 'orm',
      '560': 'org', '570': 'oth', '580': 'ppm', '582': 'pta', '584': 'inv', '587': 'pth', '590': 'prf',
      '600': 'pht', '605': 'pre', '610': 'prt', '620': 'pop', '630': 'pro', '635': 'prg', '637': 'pdr',
      '640': 'pfr', '650': 'pbl', '651': 'pbd', '660': 'rcp', '670': 'rce', '675': 'rev', '680': 'rbr',
      '690': 'aus', '695': 'sad', '700': 'scr', '705': 'scl', '710': 'sec', '720': 'sgn', '721': 'sng',
      '723': 'spn', '727': 'ths', '730': 'trl', '740': 'tyd', '750': 'tyg', '755': 'voc', '760': 'wde',
      '770': 'wam' }"/>

  <!-- English role terms and AACR2 abbreviations (lower case, final punctuation removed), plus the
       Chinese role words of Chinese statements of responsibility, to MARC relator codes. -->
  <xsl:variable name="fp:relator-terms" static="yes" as="map(xs:string, xs:string)" select="map {
      'author': 'aut', 'authors': 'aut', 'joint author': 'aut', 'jt. author': 'aut', 'jt. auth': 'aut',
      'writer': 'aut', 'creator': 'cre',
      'editor': 'edt', 'editors': 'edt', 'ed': 'edt', 'eds': 'edt', 'joint editor': 'edt',
      'jt. ed': 'edt', 'editor-in-chief': 'edt', 'editor in chief': 'edt', 'general editor': 'edt',
      'volume editor': 'edt', 'series editor': 'edt', 'editorial director': 'edd',
      'translator': 'trl', 'translators': 'trl', 'tr': 'trl', 'trans': 'trl', 'translated by': 'trl',
      'joint translator': 'trl',
      'illustrator': 'ill', 'illustrators': 'ill', 'ill': 'ill', 'illus': 'ill',
      'compiler': 'com', 'compilers': 'com', 'comp': 'com', 'comps': 'com', 'joint compiler': 'com',
      'contributor': 'ctb', 'contributors': 'ctb', 'collaborator': 'ctb',
      'publisher': 'pbl', 'issuing body': 'isb', 'sponsor': 'spn', 'sponsoring body': 'spn',
      'funder': 'fnd', 'host institution': 'his', 'degree granting institution': 'dgg',
      'degree grantor': 'dgg', 'organizer': 'orm', 'organiser': 'orm', 'organizer of meeting': 'orm',
      'author of introduction': 'aui', 'author of introduction, etc': 'aui', 'introduction': 'aui',
      'writer of introduction': 'win', 'writer of preface': 'wpr', 'author of preface': 'wpr',
      'author of afterword': 'aft', 'author of afterword, colophon, etc': 'aft', 'afterword': 'aft',
      'writer of accompanying material': 'wam', 'writer of added commentary': 'wac',
      'writer of supplementary textual content': 'wst', 'commentator': 'cmm',
      'commentator for written text': 'cwt', 'annotator': 'ann', 'adapter': 'adp',
      'abridger': 'abr', 'arranger': 'arr', 'arr': 'arr', 'artist': 'art', 'photographer': 'pht',
      'cartographer': 'ctg', 'composer': 'cmp', 'lyricist': 'lyr', 'librettist': 'lbt',
      'performer': 'prf', 'actor': 'act', 'narrator': 'nrt', 'singer': 'sng', 'conductor': 'cnd',
      'director': 'drt', 'film director': 'fmd', 'producer': 'pro', 'screenwriter': 'aus',
      'interviewer': 'ivr', 'interviewee': 'ive', 'honoree': 'hnr', 'honouree': 'hnr',
      'dedicatee': 'dte', 'printer': 'prt', 'engraver': 'egr', 'designer': 'dsr',
      'book designer': 'bkd', 'calligrapher': 'cll', 'censor': 'cns', 'former owner': 'fmo',
      'owner': 'own', 'donor': 'dnr', 'distributor': 'dst', 'bookseller': 'bsl',
      'thesis advisor': 'ths', 'thesis adviser': 'ths', 'advisor': 'ths', 'degree supervisor': 'dgs',
      'dissertant': 'dis', 'reviewer': 'rev', 'proofreader': 'pfr', 'corrector': 'crr',
      'copyright holder': 'cph', 'curator': 'cur', 'researcher': 'res', 'research team head': 'rth',
      'research team member': 'rtm', 'scientific advisor': 'sad', 'secretary': 'sec',
      'transcriber': 'trc', 'programmer': 'prg', 'consultant': 'csl', 'speaker': 'spk',
      'moderator': 'mod', 'panelist': 'pan', 'praeses': 'pra', 'respondent': 'rsp',
      'signer': 'sgn', 'witness': 'wit', 'other': 'oth', 'dubious author': 'dub',
      'attributed name': 'att', 'associated name': 'asn', 'publishing director': 'pbd',
      '著': 'aut', '原著': 'aut', '撰': 'aut', '作者': 'aut', '编著': 'aut', '著者': 'aut',
      '编': 'edt', '主编': 'edt', '编辑': 'edt', '编者': 'edt', '副主编': 'edt', '总主编': 'edt',
      '编纂': 'com', '辑': 'com', '编选': 'com', '选编': 'com', '汇编': 'com',
      '译': 'trl', '翻译': 'trl', '译者': 'trl', '编译': 'trl', '校译': 'trl',
      '绘': 'ill', '插图': 'ill', '绘图': 'ill', '摄影': 'pht', '注': 'ann', '校注': 'ann',
      '校': 'crr', '校订': 'crr', '审校': 'rev', '主审': 'rev', '序': 'wpr', '评': 'cmm' }"/>

</xsl:stylesheet>
