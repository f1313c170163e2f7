import { joinedBySpace, type Token } from './tokens';

/**
 * A small UK gazetteer: enough towns, cities, districts and counties to catch the places people most often
 * name, and to say which region each is in, so a suggestion can keep the region ("a town in the West
 * Midlands") while dropping the town. It is not meant to be complete; compromise and the context rules catch
 * many places it lacks.
 */
export type RegionId =
  | 'north-east'
  | 'north-west'
  | 'yorkshire'
  | 'east-midlands'
  | 'west-midlands'
  | 'east'
  | 'london'
  | 'south-east'
  | 'south-west'
  | 'wales'
  | 'scotland'
  | 'northern-ireland';

export type PlaceType = 'city' | 'town' | 'area' | 'county';

export interface GazetteerPlace {
  name: string;
  type: PlaceType;
  region: RegionId;
  /** For an area, the city it is part of. */
  parent?: string;
}

/** How each region reads inside a sentence. */
export const regionPhrases: Record<RegionId, string> = {
  'north-east': 'the North East',
  'north-west': 'the North West',
  yorkshire: 'Yorkshire',
  'east-midlands': 'the East Midlands',
  'west-midlands': 'the West Midlands',
  east: 'the East of England',
  london: 'London',
  'south-east': 'the South East',
  'south-west': 'the South West',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

interface RegionData {
  cities: string;
  towns: string;
  counties: string;
  /** Districts of a city, keyed by the city. */
  areas?: Record<string, string>;
}

// Lists are "|"-separated to keep this file readable; each name is looked up without regard to case.
const data: Record<RegionId, RegionData> = {
  'north-east': {
    cities: 'Newcastle upon Tyne|Newcastle|Sunderland|Durham',
    towns:
      'Gateshead|South Shields|North Shields|Washington|Middlesbrough|Hartlepool|Stockton-on-Tees|Stockton|' +
      'Darlington|Redcar|Blyth|Cramlington|Ashington|Morpeth|Hexham|Consett|Stanley|Chester-le-Street|' +
      'Bishop Auckland|Peterlee|Seaham|Jarrow|Hebburn|Wallsend|Whitley Bay|Tynemouth|Billingham|Guisborough|' +
      'Spennymoor|Newton Aycliffe|Houghton-le-Spring|Alnwick|Berwick-upon-Tweed',
    counties: 'Northumberland|County Durham|Tyne and Wear|Teesside',
    areas: { Newcastle: 'Byker|Benwell|Elswick|Jesmond|Fenham|Heaton|Gosforth|Walker' },
  },
  'north-west': {
    cities: 'Manchester|Salford|Liverpool|Preston|Lancaster|Carlisle|Chester',
    towns:
      'Bolton|Bury|Oldham|Rochdale|Stockport|Ashton-under-Lyne|Wigan|Leigh|Warrington|Widnes|Runcorn|' +
      'St Helens|Birkenhead|Wallasey|Bootle|Southport|Kirkby|Huyton|Blackburn|Burnley|Accrington|Blackpool|' +
      'Fleetwood|Morecambe|Chorley|Leyland|Skelmersdale|Ormskirk|Crewe|Macclesfield|Congleton|Northwich|' +
      'Ellesmere Port|Kendal|Barrow-in-Furness|Workington|Whitehaven|Penrith|Altrincham|Sale|Stretford|' +
      'Urmston|Eccles|Hyde|Stalybridge|Middleton|Heywood|Nelson|Colne|Darwen|Rawtenstall|Clitheroe',
    counties: 'Greater Manchester|Merseyside|Lancashire|Cheshire|Cumbria',
    areas: {
      Manchester:
        'Moss Side|Hulme|Rusholme|Longsight|Gorton|Wythenshawe|Cheetham Hill|Ancoats|Didsbury|Levenshulme|' +
        'Harpurhey|Collyhurst',
      Liverpool: 'Toxteth|Everton|Anfield|Kirkdale|Croxteth|Speke|Garston|Norris Green',
    },
  },
  yorkshire: {
    cities: 'Leeds|Bradford|Sheffield|York|Wakefield|Hull|Kingston upon Hull|Ripon',
    towns:
      'Huddersfield|Halifax|Dewsbury|Batley|Keighley|Harrogate|Scarborough|Whitby|Doncaster|Rotherham|' +
      'Barnsley|Pontefract|Castleford|Goole|Grimsby|Scunthorpe|Cleethorpes|Selby|Skipton|Shipley|Bingley|' +
      'Morley|Pudsey|Otley|Ilkley|Brighouse|Todmorden|Hebden Bridge|Mirfield|Heckmondwike|Cleckheaton|' +
      'Beverley|Bridlington|Northallerton|Thirsk|Mexborough|Maltby|Rawmarsh|Penistone',
    counties: 'West Yorkshire|South Yorkshire|North Yorkshire|East Yorkshire|East Riding',
    areas: {
      Leeds: 'Harehills|Chapeltown|Armley|Seacroft|Headingley',
      Bradford: 'Manningham|Girlington',
      Sheffield: 'Page Hall|Darnall|Burngreave|Firth Park|Parson Cross',
    },
  },
  'east-midlands': {
    cities: 'Nottingham|Derby|Leicester|Lincoln',
    towns:
      'Mansfield|Worksop|Newark|Newark-on-Trent|Retford|Hucknall|West Bridgford|Long Eaton|Ilkeston|' +
      'Chesterfield|Buxton|Glossop|Matlock|Belper|Ripley|Swadlincote|Loughborough|Hinckley|Coalville|' +
      'Melton Mowbray|Market Harborough|Wigston|Oadby|Northampton|Kettering|Corby|Wellingborough|Daventry|' +
      'Rushden|Boston|Grantham|Spalding|Skegness|Gainsborough|Sleaford|Stamford|Louth|Oakham',
    counties: 'Derbyshire|Nottinghamshire|Leicestershire|Lincolnshire|Northamptonshire|Rutland',
    areas: {
      Leicester: 'Highfields|Belgrave|Braunstone',
      Nottingham: "St Ann's|Radford|Bulwell|Sneinton|Hyson Green",
      Derby: 'Normanton|Alvaston',
    },
  },
  'west-midlands': {
    cities: 'Birmingham|Coventry|Wolverhampton|Stoke-on-Trent|Stoke|Worcester|Hereford|Lichfield',
    towns:
      'Walsall|Dudley|West Bromwich|Smethwick|Oldbury|Tipton|Wednesbury|Willenhall|Bloxwich|Darlaston|' +
      'Brownhills|Aldridge|Bilston|Wednesfield|Sutton Coldfield|Solihull|Halesowen|Stourbridge|Brierley Hill|' +
      'Kingswinford|Sedgley|Cradley Heath|Rowley Regis|Nuneaton|Bedworth|Rugby|Leamington Spa|Leamington|' +
      'Warwick|Stratford-upon-Avon|Kenilworth|Redditch|Bromsgrove|Kidderminster|Malvern|Evesham|Droitwich|' +
      'Telford|Shrewsbury|Oswestry|Ludlow|Bridgnorth|Stafford|Cannock|Burton upon Trent|Burton-on-Trent|' +
      'Tamworth|Newcastle-under-Lyme|Leek|Stone|Uttoxeter|Rugeley|Hednesford|Kidsgrove|Hanley|Longton|' +
      'Tunstall|Burslem|Fenton|Pelsall|Rushall|Chelmsley Wood',
    counties: 'Staffordshire|Warwickshire|Worcestershire|Shropshire|Herefordshire',
    areas: {
      Birmingham:
        'Handsworth|Aston|Erdington|Small Heath|Sparkbrook|Sparkhill|Balsall Heath|Moseley|Kings Heath|' +
        'Selly Oak|Edgbaston|Digbeth|Ladywood|Lozells|Nechells|Bordesley Green|Alum Rock|Saltley|' +
        'Washwood Heath|Castle Vale|Kingstanding|Perry Barr|Great Barr|Northfield|Longbridge|Acocks Green|' +
        'Yardley|Stechford|Hodge Hill|Shard End|Harborne|Quinton|Hall Green',
      Coventry: 'Hillfields|Foleshill|Tile Hill|Canley|Wood End',
      Wolverhampton: 'Whitmore Reans|Low Hill|Heath Town|Blakenhall|Pendeford',
      Walsall: 'Caldmore|Palfrey|Pleck|Beechdale|Goscote|Blakenall|Birchills|Leamore',
    },
  },
  east: {
    cities: 'Norwich|Cambridge|Peterborough|Ely|St Albans|Chelmsford',
    towns:
      'Ipswich|Colchester|Southend-on-Sea|Southend|Basildon|Harlow|Braintree|Brentwood|Clacton-on-Sea|Clacton|' +
      'Grays|Thurrock|Tilbury|Luton|Bedford|Dunstable|Leighton Buzzard|Stevenage|Watford|Hemel Hempstead|' +
      "Hatfield|Welwyn Garden City|Hertford|Hitchin|Letchworth|Borehamwood|Cheshunt|Bishop's Stortford|" +
      "King's Lynn|Great Yarmouth|Lowestoft|Thetford|Bury St Edmunds|Felixstowe|Sudbury|Huntingdon|St Neots|" +
      'Wisbech|March|Canvey Island|Rayleigh|Wickford|Witham|Maldon',
    counties: 'Essex|Hertfordshire|Bedfordshire|Cambridgeshire|Norfolk|Suffolk',
  },
  london: {
    cities: 'London',
    towns: '',
    counties: 'Greater London',
    areas: {
      London:
        'Camden|Hackney|Islington|Tower Hamlets|Newham|Southwark|Lambeth|Lewisham|Greenwich|Croydon|Brixton|' +
        'Peckham|Tottenham|Edmonton|Enfield|Haringey|Walthamstow|Leyton|Stratford|Ilford|Romford|Barking|' +
        'Dagenham|Woolwich|Deptford|Catford|Streatham|Clapham|Battersea|Wandsworth|Chelsea|Kensington|Fulham|' +
        "Hammersmith|Shepherd's Bush|Acton|Ealing|Southall|Hounslow|Harrow|Wembley|Kilburn|Willesden|" +
        'Harlesden|Hendon|Barnet|Edgware|Bromley|Bexley|Sutton|Kingston|Richmond|Twickenham|Wimbledon|Mitcham|' +
        'Morden|Tooting|Balham|Hoxton|Dalston|Shoreditch|Bethnal Green|Whitechapel|Poplar|Stepney|' +
        'Canning Town|East Ham|West Ham|Plaistow|Forest Gate|Stoke Newington|Holloway|Archway|Finsbury Park|' +
        'Wood Green|Hornsey|Uxbridge|Northolt|Greenford|Thamesmead|Erith|Eltham|Sidcup|Orpington|' +
        'Elephant and Castle|Kennington|Camberwell|Bermondsey|Rotherhithe|Seven Sisters|Lewisham',
    },
  },
  'south-east': {
    cities: 'Brighton|Brighton and Hove|Oxford|Canterbury|Southampton|Portsmouth|Winchester|Chichester',
    towns:
      'Hove|Reading|Slough|Maidenhead|Windsor|Bracknell|Wokingham|Newbury|Milton Keynes|Aylesbury|' +
      'High Wycombe|Banbury|Bicester|Abingdon|Didcot|Witney|Basingstoke|Andover|Aldershot|Farnborough|' +
      'Fareham|Gosport|Havant|Eastleigh|Crawley|Horsham|Worthing|Bognor Regis|Littlehampton|Eastbourne|' +
      'Hastings|Bexhill|Lewes|Guildford|Woking|Epsom|Redhill|Reigate|Staines|Camberley|Maidstone|Margate|' +
      'Ramsgate|Broadstairs|Dover|Folkestone|Ashford|Chatham|Gillingham|Rochester|Gravesend|Dartford|' +
      'Sittingbourne|Sevenoaks|Tonbridge|Tunbridge Wells|Royal Tunbridge Wells|Herne Bay|Whitstable|Deal|' +
      'Faversham|Medway|Isle of Wight|Ryde',
    counties: 'Kent|Surrey|Sussex|East Sussex|West Sussex|Hampshire|Berkshire|Buckinghamshire|Oxfordshire',
  },
  'south-west': {
    cities: 'Bristol|Bath|Exeter|Plymouth|Gloucester|Truro|Wells|Salisbury',
    towns:
      'Swindon|Cheltenham|Stroud|Taunton|Yeovil|Bridgwater|Weston-super-Mare|Bournemouth|Poole|Weymouth|' +
      'Dorchester|Torquay|Paignton|Newton Abbot|Barnstaple|Exmouth|Penzance|Newquay|St Austell|Falmouth|' +
      'Camborne|Redruth|Bodmin|Chippenham|Trowbridge|Frome|Glastonbury|Street|Tewkesbury|Cirencester|' +
      'Kingswood|Yate',
    counties: 'Cornwall|Devon|Somerset|Dorset|Wiltshire|Gloucestershire',
    areas: { Bristol: 'St Pauls|Easton|Knowle West|Hartcliffe|Southmead|Lawrence Weston' },
  },
  wales: {
    cities: 'Cardiff|Swansea|Newport|Wrexham|Bangor|St Davids|St Asaph',
    towns:
      'Barry|Merthyr Tydfil|Merthyr|Pontypridd|Caerphilly|Bridgend|Neath|Port Talbot|Llanelli|Carmarthen|' +
      'Aberystwyth|Rhyl|Prestatyn|Colwyn Bay|Llandudno|Holyhead|Cwmbran|Pontypool|Ebbw Vale|Abergavenny|' +
      'Aberdare|Rhondda|Tonypandy|Haverfordwest|Pembroke|Milford Haven|Mold|Flint|Welshpool|Newtown|Brecon',
    counties:
      'Gwynedd|Powys|Anglesey|Pembrokeshire|Carmarthenshire|Ceredigion|Denbighshire|Flintshire|Conwy|' +
      'Monmouthshire|Glamorgan|Vale of Glamorgan',
  },
  scotland: {
    cities: 'Glasgow|Edinburgh|Aberdeen|Dundee|Inverness|Perth|Stirling',
    towns:
      'Paisley|East Kilbride|Livingston|Hamilton|Cumbernauld|Kirkcaldy|Dunfermline|Ayr|Kilmarnock|Greenock|' +
      'Coatbridge|Airdrie|Motherwell|Wishaw|Falkirk|Irvine|Dumfries|Glenrothes|Clydebank|Arbroath|Elgin|' +
      'Peterhead|Fort William|Oban',
    counties: 'Fife|Lanarkshire|North Lanarkshire|South Lanarkshire|Ayrshire|Lothian|West Lothian|Aberdeenshire',
    areas: {
      Glasgow: 'Govan|Easterhouse|Drumchapel|Castlemilk|Possilpark|Springburn|Gorbals|Pollok|Dennistoun|Partick',
      Edinburgh: 'Leith|Muirhouse|Pilton|Niddrie|Wester Hailes|Craigmillar',
    },
  },
  'northern-ireland': {
    cities: 'Belfast|Derry|Londonderry|Lisburn|Newry|Armagh',
    towns:
      'Newtownabbey|Craigavon|Portadown|Lurgan|Ballymena|Coleraine|Omagh|Enniskillen|Larne|Carrickfergus|' +
      'Antrim|Dungannon|Strabane|Newtownards|Holywood',
    counties: 'County Antrim|County Down|County Tyrone|County Armagh|County Fermanagh|Fermanagh|County Londonderry',
  },
};

/**
 * Place names that are also everyday English words. They are only taken as places when capitalised and
 * after a word such as "in" or "to" ("moved to Reading", but not "Reading was hard").
 */
export const placeNamesThatAreWords = new Set([
  'reading',
  'bath',
  'sale',
  'street',
  'deal',
  'wells',
  'march',
  'barking',
  'rugby',
  'stone',
  'leek',
  'hyde',
  'bury',
  'flint',
  'mold',
  'walker',
  'grays',
  'stoke',
  'longton',
]);

/**
 * Place names that are also people's names, beyond those compromise's lexicon knows. They are taken as
 * places only after a word such as "in" or "to", in any case ("moved to dudley").
 */
export const placeNamesThatArePeople = new Set([
  'stanley',
  'barry',
  'nelson',
  'boston',
  'kingston',
  'richmond',
  'sutton',
  'heaton',
  'leigh',
  'middleton',
  'hamilton',
  'chester',
  'lancaster',
  'lincoln',
  'washington',
  'chelsea',
  'dudley',
  'morley',
  'beverley',
  'kendal',
  'ripley',
  'tunstall',
  'fenton',
  'irvine',
  'stratford',
  'perth',
  'harrow',
  'ashford',
  'preston',
  'kent',
  'devon',
  'bromley',
  'hendon',
  'camden',
  'aston',
  'warwick',
  'york',
  'derby',
  'dover',
  'durham',
  'buxton',
  'ely',
  'corby',
  'rushall',
  'ryde',
  'flint',
]);

/**
 * Places to leave alone: regions are what a suggestion keeps, and nations and countries are too broad to
 * identify anyone.
 */
export const broadAreas = new Set([
  'the west midlands',
  'west midlands',
  'the east midlands',
  'east midlands',
  'the midlands',
  'midlands',
  'the north east',
  'north east',
  'the north west',
  'north west',
  'the north',
  'the south',
  'the south east',
  'south east',
  'the south west',
  'south west',
  'yorkshire',
  'east anglia',
  'the black country',
  'black country',
  'the potteries',
  'the home counties',
  'the highlands',
  'highlands',
  'the valleys',
  'england',
  'scotland',
  'wales',
  'northern ireland',
  'ireland',
  'britain',
  'great britain',
  'uk',
  'the uk',
  'united kingdom',
  'europe',
]);

function buildIndex(): Map<string, GazetteerPlace> {
  const index = new Map<string, GazetteerPlace>();
  const add = (names: string, type: PlaceType, region: RegionId, parent?: string): void => {
    for (const name of names.split('|')) {
      if (name === '') continue;
      const key = placeKey(name);
      // The first entry wins, so a city listed early is not overwritten by a district of the same name.
      if (!index.has(key))
        index.set(key, parent === undefined ? { name, type, region } : { name, type, region, parent });
    }
  };
  for (const [region, lists] of Object.entries(data) as [RegionId, RegionData][]) {
    add(lists.cities, 'city', region);
    add(lists.towns, 'town', region);
    add(lists.counties, 'county', region);
    for (const [parent, areas] of Object.entries(lists.areas ?? {})) add(areas, 'area', region, parent);
  }
  return index;
}

/** The look-up form of a place name: lower case, plain apostrophes, no full stop after "St". */
export function placeKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('’', "'")
    .replace(/\bst\./g, 'st')
    .replace(/\s+/g, ' ');
}

let cachedIndex: Map<string, GazetteerPlace> | undefined;
let cachedLongest = 0;

function gazetteerIndex(): Map<string, GazetteerPlace> {
  if (cachedIndex === undefined) {
    cachedIndex = buildIndex();
    cachedLongest = Math.max(...[...cachedIndex.keys()].map((key) => key.split(' ').length));
  }
  return cachedIndex;
}

export function lookUpPlace(name: string): GazetteerPlace | undefined {
  return gazetteerIndex().get(placeKey(name));
}

export interface GazetteerMatch {
  place: GazetteerPlace;
  /** Token indexes, end exclusive. */
  first: number;
  last: number;
}

/** Every longest gazetteer match in the tokens, left to right, never overlapping. */
export function matchGazetteer(text: string, tokens: readonly Token[]): GazetteerMatch[] {
  const index = gazetteerIndex();
  const matches: GazetteerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found: GazetteerMatch | undefined;
    let key = '';
    for (let n = 0; n < cachedLongest && i + n < tokens.length; n++) {
      const token = tokens[i + n];
      const previous = tokens[i + n - 1];
      if (token === undefined) break;
      if (n > 0 && (previous === undefined || !joinedBySpace(text, previous, token))) break;
      key = n === 0 ? token.lower : `${key} ${token.lower}`;
      const place = index.get(key);
      if (place !== undefined) found = { place, first: i, last: i + n + 1 };
    }
    if (found === undefined) {
      i++;
    } else {
      matches.push(found);
      i = found.last;
    }
  }
  return matches;
}
