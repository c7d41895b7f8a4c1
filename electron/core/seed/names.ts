/** Common Norwegian given and family names (SSB's name statistics); combined at random they name no one. */
export const GIVEN_NAMES = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Nora', 'Emma', 'Sofie', 'Ingeborg',
  'Maja', 'Sara', 'Thea', 'Ida', 'Silje', 'Solveig', 'Åse', 'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein',
  'Hans', 'Geir', 'Tor', 'Jakob', 'Emil', 'Noah', 'Filip', 'Aksel', 'Magnus', 'Håkon', 'Øystein', 'Sindre', 'Eirik', 'Jørgen', 'Mathias',
];
export const FAMILY_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen',
  'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund',
  'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen',
  'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård',
  'Bakke', 'Kristensen', 'Fredriksen', 'Holm', 'Lien', 'Hauge', 'Christensen', 'Andresen', 'Nielsen', 'Knudsen', 'Evensen', 'Sæther',
  'Aas', 'Myhre', 'Hanssen', 'Ahmed', 'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen', 'Berntsen', 'Sandvik', 'Rønning',
  'Arnesen', 'Antonsen', 'Næss', 'Vik', 'Haug', 'Ellingsen', 'Thorsen', 'Edvardsen', 'Birkeland', 'Isaksen', 'Gulbrandsen', 'Ruud', 'Aasen',
];
export const STREETS = ['Storgata', 'Kirkeveien', 'Skolegata', 'Parkveien', 'Fjordgata', 'Bakkeveien', 'Elvegata', 'Løkkeveien', 'Sjøgata', 'Granveien'];
/** Demo GP offices (fastlegekontor) with postal addresses, for patients' GP and referrer letters. */
export const GPS = [
  { name: 'Legesenteret Sentrum', address: 'Storgata 10', postalCode: '0182', postalPlace: 'OSLO', municipalityNumber: '0301' },
  { name: 'Fjordlegene', address: 'Strandkaien 4', postalCode: '5003', postalPlace: 'BERGEN', municipalityNumber: '4601' },
  { name: 'Torget legekontor', address: 'Torget 2', postalCode: '7010', postalPlace: 'TRONDHEIM', municipalityNumber: '5001' },
  { name: 'Bydel legesenter', address: 'Kirkeveien 55', postalCode: '0458', postalPlace: 'OSLO', municipalityNumber: '0301' },
  { name: 'Kirkegata legekontor', address: 'Kirkegata 7', postalCode: '4006', postalPlace: 'STAVANGER', municipalityNumber: '1103' },
] as const;
